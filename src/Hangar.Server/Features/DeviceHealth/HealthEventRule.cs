using Hangar.Data.DeviceHealth;

namespace Hangar.Server.Features.DeviceHealth;

/// <summary>A rule in a device health event, with the condition and the value that failed it (null when cleared or for silence).</summary>
internal sealed record HealthEventRule(
    Guid RuleId, string Name, string Severity, string Kind, string Metric, string? Aggregation, string? Operator, double? Threshold, int WindowSeconds,
    double? Value, DateTime? Since)
{
    public static HealthEventRule Failing(HealthRule rule, double? value, DateTime since) => new(
        rule.Id, rule.Name, rule.Severity, rule.Kind, rule.Selector().ToString(), rule.Aggregation, rule.Operator, rule.Threshold, rule.WindowSeconds, value, since);

    public static HealthEventRule Cleared(HealthRule rule) => Failing(rule, null, default) with { Since = null };
}
