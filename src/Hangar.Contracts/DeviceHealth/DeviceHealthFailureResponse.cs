namespace Hangar.Contracts.DeviceHealth;

/// <summary>A rule a device fails: since when, and the value that fails it (null for an absence rule).</summary>
public sealed record DeviceHealthFailureResponse(
    Guid RuleId,
    string RuleName,
    string Severity,
    DateTime Since,
    double? Value);
