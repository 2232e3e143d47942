using System.CommandLine;

namespace Hangar.Cli.Commands;

/// <summary>The positional id of get/update/remove commands; the API takes either the UUID or the HRN.</summary>
internal static class IdArgument
{
    public static Argument<string> Create(string resource) => new("id")
    {
        Description = $"The {resource}'s id (UUID) or HRN.",
    };
}
