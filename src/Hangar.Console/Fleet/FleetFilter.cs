namespace Hangar.Console.Fleet;

/// <summary>The dashboard's filters as its address carries them (ids; empty or null for all).</summary>
// Public: Razor components are public, and this is a parameter type of one.
public sealed record FleetFilter(string? Product, string? Cohort, int Days);
