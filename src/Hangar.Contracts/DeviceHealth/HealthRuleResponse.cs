namespace Hangar.Contracts.DeviceHealth;

/// <summary>A health rule of a product. <c>metric</c> reads as it was given (name and label match).</summary>
public sealed record HealthRuleResponse(
    Guid Id,
    string Hrn,
    Guid ProductId,
    string Name,
    string Kind,
    string Metric,
    string? Aggregation,
    string? Operator,
    double? Threshold,
    int WindowSeconds,
    string Severity,
    bool Enabled,
    DateTime CreatedAt,
    DateTime UpdatedAt);
