namespace Hangar.Console.Shared;

/// <summary>What a form's "separated by commas" field holds: its items trimmed, empty ones dropped.</summary>
internal static class CommaList
{
    public static string[] Items(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
