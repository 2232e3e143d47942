using System.Text.RegularExpressions;

namespace Hangar.EndToEnd.Tests.Quickstart;

/// <summary>
/// A fenced shell block of docs/quickstart.md that the quickstart test acts on, by its info string:
/// <c>sh quickstart</c> runs as it is (with <c>until=WORD</c>: again until its output contains WORD),
/// <c>sh quickstart-build</c>, <c>-server</c> and <c>-env</c> are what the test provides itself (the built programs,
/// a server on free ports, its address and key).
/// </summary>
internal sealed partial record GuideBlock(int Line, string Kind, string? Until, string Script)
{
    public const string Run = "quickstart";
    public const string Build = "quickstart-build";
    public const string Server = "quickstart-server";
    public const string Environment = "quickstart-env";

    public static IReadOnlyList<GuideBlock> Parse(string markdown)
    {
        var blocks = new List<GuideBlock>();
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = Fence().Match(lines[i]);
            if (!fence.Success)
            {
                continue;
            }

            var start = i;
            var body = new List<string>();
            while (++i < lines.Length && lines[i] != "```")
            {
                body.Add(lines[i]);
            }

            var until = fence.Groups["until"].Success ? fence.Groups["until"].Value : null;
            blocks.Add(new GuideBlock(start + 1, fence.Groups["kind"].Value, until, string.Join('\n', body)));
        }

        return blocks;
    }

    /// <summary>The names the block exports (<c>export NAME=...</c>), for the blocks whose values the test provides.</summary>
    public IReadOnlySet<string> ExportedNames() => Export().Matches(Script).Select(match => match.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^```sh (?<kind>quickstart(-[a-z]+)?)( until=(?<until>\S+))?$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^export ([A-Z_]+)=", RegexOptions.Multiline)]
    private static partial Regex Export();
}
