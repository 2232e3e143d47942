using Hangar.Testing;

namespace Hangar.Server.Tests.Fixtures;

/// <summary>
/// A <see cref="ClockServer"/> whose rollups and health evaluations run when a test asks (their timers' intervals are
/// an hour of the fake clock), whose webhooks may reach loopback receivers, and whose products may have three rules.
/// </summary>
public abstract class HealthServer(DatabaseKind database) : ClockServer(database)
{
    protected override IReadOnlyDictionary<string, string?> Settings(Dictionary<string, string?> defaults)
    {
        defaults["Telemetry:RollupIntervalSeconds"] = "3600";
        defaults["Telemetry:RollupSettleSeconds"] = "0";
        defaults["DeviceHealth:EvaluationIntervalSeconds"] = "3600";
        defaults["DeviceHealth:MaxRulesPerProduct"] = "3";
        return defaults.Concat(WebhookServer.WebhookSettings).ToDictionary();
    }
}

public sealed class HealthSqliteServer() : HealthServer(DatabaseKind.Sqlite);

public sealed class HealthPostgresServer() : HealthServer(DatabaseKind.Postgres);
