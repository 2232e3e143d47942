namespace Hangar.Console.Observability;

/// <summary>A fleet metric's value for one group, labelled for people (a product's name rather than its id).</summary>
// Public: a parameter type of a Razor component.
public sealed record GroupValue(string Label, int Devices, double Value);
