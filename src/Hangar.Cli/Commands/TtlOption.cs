using System.CommandLine;
using Hangar.Cli.Tunnels;

namespace Hangar.Cli.Commands;

/// <summary><c>--ttl</c>: a tunnel's lifetime as <c>90s</c>, <c>30m</c>, <c>2h</c> or seconds.</summary>
internal static class TtlOption
{
    public static Option<int?> Create(string description) => new("--ttl")
    {
        Description = description,
        HelpName = "duration",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 0 ? null : result.Tokens[0].Value;
            if (Durations.TryParseSeconds(text, out var seconds))
            {
                return seconds;
            }

            result.AddError($"'{text}' is not a duration (90s, 30m, 2h).");
            return null;
        },
    };
}
