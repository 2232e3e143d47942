namespace Hangar.Server.Features.DeviceHealth;

/// <summary>The words of a rule on the wire, and the bounds of its window.</summary>
internal static class HealthRuleTerms
{
    public static readonly string[] Aggregations = ["avg", "min", "max", "last"];
    public static readonly string[] Operators = [">", ">=", "<", "<="];
    public static readonly string[] Severities = ["warning", "critical"];

    public const int MinWindowSeconds = 60;
    public const int MaxThresholdWindowSeconds = 86_400;
    public const int MaxAbsenceWindowSeconds = 30 * 86_400;

    /// <summary>
    /// Up to six hours a threshold rule reads 1-minute rollups (at most 360 per series); longer windows read
    /// 1-hour rollups and must be whole hours, so the rows read per series stay at most 360 either way.
    /// </summary>
    public const int MaxMinuteWindowSeconds = 6 * 3600;

    public static int ResolutionOf(int windowSeconds) => windowSeconds <= MaxMinuteWindowSeconds ? 60 : 3600;
}
