using System.Globalization;
using Hangar.Contracts.DeviceHealth;

namespace Hangar.Cli.Output;

/// <summary>Health rules, and the rules a device fails.</summary>
internal static class HealthViews
{
    public static readonly ResourceView<HealthRuleResponse> Rule = new ResourceView<HealthRuleResponse>()
        .Add("ID", r => r.Id)
        .Add("HRN", r => r.Hrn, inList: false)
        .Add("PRODUCT ID", r => r.ProductId, inList: false)
        .Add("NAME", r => r.Name)
        .Add("CONDITION", Condition)
        .Add("SEVERITY", r => r.Severity)
        .Add("ENABLED", r => r.Enabled)
        .Add("CREATED", r => r.CreatedAt, inList: false)
        .Add("UPDATED", r => r.UpdatedAt, inList: false);

    public static readonly ResourceView<DeviceHealthFailureResponse> Failure = new ResourceView<DeviceHealthFailureResponse>()
        .Add("RULE", f => f.RuleName)
        .Add("RULE ID", f => f.RuleId)
        .Add("SEVERITY", f => f.Severity)
        .Add("SINCE", f => f.Since)
        .Add("VALUE", f => f.Value?.ToString("0.###", CultureInfo.InvariantCulture));

    /// <summary>The rule as one line: <c>max(heartbeat.disk_used_percent) &gt; 90 over 10m</c>, <c>no heartbeat for 2h</c>.</summary>
    public static string Condition(HealthRuleResponse rule) => rule.Kind == "absence"
        ? $"no {(rule.Metric == "heartbeat" ? "heartbeat" : rule.Metric)} for {Duration(rule.WindowSeconds)}"
        : $"{rule.Aggregation}({rule.Metric}) {rule.Operator} {rule.Threshold?.ToString(CultureInfo.InvariantCulture)} over {Duration(rule.WindowSeconds)}";

    private static string Duration(int seconds) =>
        seconds % 86400 == 0 ? $"{seconds / 86400}d" : seconds % 3600 == 0 ? $"{seconds / 3600}h" : $"{seconds / 60}m";
}
