using System.CommandLine;

namespace Hangar.Cli.Commands;

/// <summary><c>--tags a,b,c</c>: comma-separated, like the CSV import's tags column.</summary>
internal static class TagsOption
{
    public static Option<string?> Create(string name, string purpose) => new(name)
    {
        Description = $"{purpose}, comma-separated (e.g. edge,eu); up to 32 tags of 1 to 64 characters without spaces.",
        HelpName = "tags",
    };

    /// <summary>The tags of the option, or null when it was not given; '' means no tags.</summary>
    public static List<string>? Read(ParseResult parseResult, Option<string?> option) =>
        parseResult.GetValue(option)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
}
