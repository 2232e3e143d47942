namespace Hangar.Contracts.DeviceHealth;

/// <summary>Creates a health rule of a product.</summary>
/// <param name="Name">1–128 characters, unique within the product.</param>
/// <param name="Kind"><c>threshold</c> (an aggregate of a metric crosses a threshold) or <c>absence</c> (silence).</param>
/// <param name="Metric">A series name with an optional label match, <c>heartbeat.disk_used_percent{mount="/data"}</c>;
/// for an absence rule also <c>heartbeat</c>: no heartbeat at all.</param>
/// <param name="Aggregation">Threshold rules: <c>avg</c>, <c>min</c>, <c>max</c> or <c>last</c> over the window.</param>
/// <param name="Operator">Threshold rules: <c>&gt;</c>, <c>&gt;=</c>, <c>&lt;</c> or <c>&lt;=</c>.</param>
/// <param name="Threshold">Threshold rules: the value compared with.</param>
/// <param name="WindowSeconds">Threshold rules: 60 to 86,400, whole minutes; absence rules: 60 to 2,592,000 (30 days).</param>
/// <param name="Severity"><c>warning</c> (default) or <c>critical</c>.</param>
/// <param name="Enabled">Default true.</param>
public sealed record CreateHealthRuleRequest(
    string Name,
    string Kind,
    string Metric,
    int WindowSeconds,
    string? Aggregation = null,
    string? Operator = null,
    double? Threshold = null,
    string? Severity = null,
    bool? Enabled = null);
