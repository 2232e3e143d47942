using Hangar.Contracts.Common;
using Hangar.Data.DeviceHealth;
using Hangar.Server.Hosting.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hangar.Server.Features.DeviceHealth;

/// <summary>
/// Checks a whole <see cref="HealthRuleDraft"/>. The problem's code names the first thing to fix: the metric
/// (<c>health_rule_invalid_metric</c>), then the window (<c>health_rule_invalid_window</c>), else
/// <c>validation_failed</c>; <c>errors</c> lists every field either way.
/// </summary>
internal static class HealthRuleValidation
{
    public static ProblemHttpResult? Check(HealthRuleDraft draft, out MetricSelector? selector)
    {
        var errors = new Dictionary<string, string[]>();
        selector = null;
        if (string.IsNullOrWhiteSpace(draft.Name) || draft.Name.Trim().Length > 128)
        {
            errors["name"] = ["must be 1 to 128 characters."];
        }

        var absence = draft.Kind == HealthRuleKinds.Absence;
        if (!absence && draft.Kind != HealthRuleKinds.Threshold)
        {
            errors["kind"] = ["must be threshold or absence."];
        }
        else if (absence && draft.Metric == HealthRuleKinds.Heartbeat)
        {
            selector = new MetricSelector(HealthRuleKinds.Heartbeat, new Dictionary<string, string>());
        }
        else if ((selector = MetricSelector.Parse(draft.Metric)) is null || selector.Name == HealthRuleKinds.Heartbeat)
        {
            errors["metric"] = [absence
                ? "must be heartbeat, or a metric name (a-z, 0-9, '_' and '.') with an optional label match such as {mount=\"/data\"}."
                : "must be a metric name (a-z, 0-9, '_' and '.') with an optional label match such as heartbeat.disk_used_percent{mount=\"/data\"}."];
            selector = null;
        }

        CheckWindow(draft.WindowSeconds, absence, errors);
        if (absence)
        {
            CheckAbsent(draft, errors);
        }
        else
        {
            CheckThreshold(draft, errors);
        }

        if (!HealthRuleTerms.Severities.Contains(draft.Severity))
        {
            errors["severity"] = ["must be warning or critical."];
        }

        if (errors.Count == 0)
        {
            return null;
        }

        var code = errors.ContainsKey("metric") ? ErrorCodes.HealthRuleInvalidMetric
            : errors.ContainsKey("window_seconds") ? ErrorCodes.HealthRuleInvalidWindow
            : ErrorCodes.ValidationFailed;
        return Problems.Validation(errors, code);
    }

    private static void CheckWindow(int seconds, bool absence, Dictionary<string, string[]> errors)
    {
        var max = absence ? HealthRuleTerms.MaxAbsenceWindowSeconds : HealthRuleTerms.MaxThresholdWindowSeconds;
        if (seconds < HealthRuleTerms.MinWindowSeconds || seconds > max || seconds % 60 != 0)
        {
            errors["window_seconds"] = [$"must be whole minutes from {HealthRuleTerms.MinWindowSeconds} to {max} seconds."];
        }
        else if (!absence && seconds > HealthRuleTerms.MaxMinuteWindowSeconds && seconds % 3600 != 0)
        {
            errors["window_seconds"] = ["over 6 hours must be whole hours (such windows read 1-hour rollups)."];
        }
    }

    private static void CheckThreshold(HealthRuleDraft draft, Dictionary<string, string[]> errors)
    {
        if (!HealthRuleTerms.Aggregations.Contains(draft.Aggregation))
        {
            errors["aggregation"] = ["must be avg, min, max or last."];
        }

        if (!HealthRuleTerms.Operators.Contains(draft.Operator))
        {
            errors["operator"] = ["must be >, >=, < or <=."];
        }

        if (draft.Threshold is not { } threshold || !double.IsFinite(threshold))
        {
            errors["threshold"] = ["is required: a finite number."];
        }
    }

    private static void CheckAbsent(HealthRuleDraft draft, Dictionary<string, string[]> errors)
    {
        foreach (var (field, value) in new[] { ("aggregation", (object?)draft.Aggregation), ("operator", draft.Operator), ("threshold", draft.Threshold) })
        {
            if (value is not null)
            {
                errors[field] = ["applies to threshold rules only."];
            }
        }
    }
}
