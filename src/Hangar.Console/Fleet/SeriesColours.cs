namespace Hangar.Console.Fleet;

/// <summary>
/// Palette classes for named series (releases, versions): the same name keeps its colour across a chart's rows. The six
/// colours cycle when there are more series; "none" (devices reporting nothing) is always grey.
/// </summary>
internal sealed class SeriesColours
{
    private const int Colours = 6;
    private readonly Dictionary<string, string> _assigned = new(StringComparer.Ordinal);

    public string For(string? name)
    {
        if (name is null)
        {
            return "none";
        }

        if (!_assigned.TryGetValue(name, out var colour))
        {
            colour = $"c{_assigned.Count % Colours}";
            _assigned.Add(name, colour);
        }

        return colour;
    }
}
