using Hangar.Contracts.DeviceHealth;
using Hangar.Core.Resources;
using Hangar.Data.DeviceHealth;
using Hangar.Server.Features.Telemetry;

namespace Hangar.Server.Features.DeviceHealth;

internal static class HealthRuleMapping
{
    public static HealthRuleResponse ToResponse(this HealthRule rule) => new(
        rule.Id,
        ResourceName.Format(rule.OrganizationId, ResourceTypes.HealthRule, rule.Id),
        rule.ProductId,
        rule.Name,
        rule.Kind,
        rule.Selector().ToString(),
        rule.Aggregation,
        rule.Operator,
        rule.Threshold,
        rule.WindowSeconds,
        rule.Severity,
        rule.Enabled,
        rule.CreatedAt,
        rule.UpdatedAt);

    public static MetricSelector Selector(this HealthRule rule) =>
        new(rule.Metric, TelemetryBatchReader.ParseLabels(rule.Labels));

    /// <summary>What an event says of a rule: enough to read the condition without fetching the rule.</summary>
    public static object EventData(this HealthRule rule) => new
    {
        product_id = rule.ProductId,
        name = rule.Name,
        kind = rule.Kind,
        metric = rule.Selector().ToString(),
        aggregation = rule.Aggregation,
        @operator = rule.Operator,
        threshold = rule.Threshold,
        window_seconds = rule.WindowSeconds,
        severity = rule.Severity,
        enabled = rule.Enabled,
    };

    public static void Apply(this HealthRule rule, HealthRuleDraft draft, MetricSelector selector)
    {
        rule.Name = draft.Name!.Trim();
        rule.Metric = selector.Name;
        rule.Labels = selector.CanonicalLabels();
        rule.WindowSeconds = draft.WindowSeconds;
        rule.Aggregation = draft.Aggregation;
        rule.Operator = draft.Operator;
        rule.Threshold = draft.Threshold;
        rule.Severity = draft.Severity;
        rule.Enabled = draft.Enabled;
    }
}
