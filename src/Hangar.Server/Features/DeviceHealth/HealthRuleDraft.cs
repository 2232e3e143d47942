namespace Hangar.Server.Features.DeviceHealth;

/// <summary>A rule as a request would leave it (a create, or an update laid over the stored rule), before validation.</summary>
internal sealed record HealthRuleDraft(
    string? Name,
    string? Kind,
    string? Metric,
    int WindowSeconds,
    string? Aggregation,
    string? Operator,
    double? Threshold,
    string Severity,
    bool Enabled);
