using System.CommandLine;

namespace Hangar.Cli.Commands;

/// <summary><c>--events</c>: the event types a webhook subscribes to, comma-separated or repeated.</summary>
internal static class EventTypesOption
{
    public static Option<string[]> Create(bool required) => new("--events")
    {
        Description = "Event types to deliver, comma-separated or repeated (e.g. api_key.created,member.added), or '*' for all.",
        HelpName = "types",
        Required = required,
        AllowMultipleArgumentsPerToken = false,
    };

    public static IReadOnlyList<string>? Read(ParseResult parseResult, Option<string[]> option) =>
        parseResult.GetValue(option) is { Length: > 0 } values
            ? values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList()
            : null;
}
