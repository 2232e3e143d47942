namespace Hangar.Cli.Provisioning;

/// <summary>What goes into a provisioned device's agent configuration.</summary>
internal sealed record ProvisionSettings(
    string ServerUrl,
    IReadOnlyList<string> TrustedKeys,
    int Threshold,
    IReadOnlyList<string> Targets,
    string? FactoryRelease,
    string? FactoryBundle,
    string? FactoryReleaseVersion,
    bool SimulatedSlots,
    AgentTrialSettings Trial);
