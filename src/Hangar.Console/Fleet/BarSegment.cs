namespace Hangar.Console.Fleet;

/// <summary>One part of a stacked bar; <c>Colour</c> is a palette class of console.css (<c>c0</c>…, <c>ok</c>, <c>failed</c>…).</summary>
// Public: Razor components are public, and this is a parameter type of one.
public sealed record BarSegment(string Label, long Value, string Colour);
