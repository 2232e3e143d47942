using System.CommandLine;

namespace Hangar.Cli.Commands;

/// <summary><c>--force</c> on commands that write files: without it an existing file is never replaced.</summary>
internal static class ForceOption
{
    public static Option<bool> Create() => new("--force")
    {
        Description = "Replace files that already exist (without it, the command writes nothing if any output file exists).",
    };
}
