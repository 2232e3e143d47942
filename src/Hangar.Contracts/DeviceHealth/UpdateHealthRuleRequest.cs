namespace Hangar.Contracts.DeviceHealth;

/// <summary>Changes a health rule; absent fields stay as they are. The kind is fixed once created.</summary>
public sealed record UpdateHealthRuleRequest(
    string? Name = null,
    string? Metric = null,
    int? WindowSeconds = null,
    string? Aggregation = null,
    string? Operator = null,
    double? Threshold = null,
    string? Severity = null,
    bool? Enabled = null);
