namespace Hangar.Contracts.Common;

/// <summary>
/// One component of <c>/healthz</c>: <c>database</c>, <c>blob_store</c>, <c>tls_certificate</c>, <c>webhooks</c> or
/// <c>telemetry_queue</c>, with status <c>healthy</c>, <c>degraded</c> or <c>unhealthy</c> and, unless healthy, a
/// reason for a person to read.
/// </summary>
public sealed record HealthComponent(string Name, string Status, string? Reason = null);
