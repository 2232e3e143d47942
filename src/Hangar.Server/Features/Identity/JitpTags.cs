namespace Hangar.Server.Features.Identity;

/// <summary>JITP tags are stored in one column, newline-separated: tags cannot contain whitespace, so this is lossless.</summary>
internal static class JitpTags
{
    public static string? Join(IEnumerable<string> tags) => tags.Any() ? string.Join('\n', tags) : null;

    public static List<string> Split(string? stored) => stored is null ? [] : [.. stored.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
}
