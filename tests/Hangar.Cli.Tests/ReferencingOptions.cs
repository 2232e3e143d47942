using System.CommandLine;

namespace Hangar.Cli.Tests;

/// <summary>
/// Every option and argument of the CLI that names a resource, found from the command tree: its help says it takes an
/// HRN. Those whose help also offers a name ("…, HRN or name/identifier/…") are the ones the name tests must cover.
/// </summary>
internal static class ReferencingOptions
{
    private static readonly string[] NameWords = ["name", "identifier", "version", "fingerprint", "URL", "prefix", "key id", "email"];

    /// <summary>"command path option", e.g. "releases create --cohort" or "products get id".</summary>
    public static SortedSet<string> TakingNames()
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        void Walk(Command command, string path)
        {
            foreach (var option in command.Options.Where(o => TakesName(o.Description)))
            {
                found.Add($"{path} {option.Name}");
            }

            foreach (var argument in command.Arguments.Where(a => TakesName(a.Description)))
            {
                found.Add($"{path} {argument.Name}");
            }

            foreach (var child in command.Subcommands)
            {
                Walk(child, path.Length == 0 ? child.Name : $"{path} {child.Name}");
            }
        }

        Walk(CliApplication.BuildCommands(new CliContext(TextWriter.Null, TextWriter.Null, new Dictionary<string, string?>(), TimeProvider.System, isTerminal: false)), "");
        return found;
    }

    private static bool TakesName(string? description)
    {
        var hrn = description?.IndexOf("HRN", StringComparison.Ordinal) ?? -1;
        return hrn >= 0 && NameWords.Any(word => description!.AsSpan(hrn).Contains(word, StringComparison.Ordinal));
    }
}
