namespace Hangar.Agent.Configuration;

public sealed record SimulatedSlotsConfig
{
    /// <summary>Holds the slot directories <c>a</c> and <c>b</c> and the slot marker files.</summary>
    public string? Directory { get; set; }
}
