namespace Hangar.Console.Fleet;

/// <summary>One labelled bar of a chart, its segments in drawing order.</summary>
// Public: Razor components are public, and this is a parameter type of one.
public sealed record BarRow(string Label, IReadOnlyList<BarSegment> Segments)
{
    public long Total => Segments.Sum(s => s.Value);
}
