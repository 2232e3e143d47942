using Hangar.Testing;

namespace Hangar.Server.Tests.Fixtures;

/// <summary>A server with small telemetry limits, so each limit is reached with a few points; its clock is fake.</summary>
public abstract class TelemetryServer(DatabaseKind database) : ClockServer(database)
{
    protected override IReadOnlyDictionary<string, string?> Settings(Dictionary<string, string?> defaults)
    {
        defaults["Telemetry:MaxBodyBytes"] = "8192";
        defaults["Telemetry:MaxPointsPerBatch"] = "40";
        defaults["Telemetry:MaxLabelsPerPoint"] = "3";
        defaults["Telemetry:MaxNameLength"] = "32";
        defaults["Telemetry:MaxLabelValueLength"] = "16";
        defaults["Telemetry:MaxNamesPerDevice"] = "6";
        defaults["Telemetry:MaxSeriesPerDevice"] = "8";
        defaults["Telemetry:PointsPerDeviceBurst"] = "100";
        defaults["Telemetry:PointsPerDevicePerMinute"] = "60";
        // Rollups run when a test asks (TelemetryMaintenance.RunOnceAsync), never on the fake clock's timer.
        defaults["Telemetry:RollupIntervalSeconds"] = "3600";
        defaults["Telemetry:RollupSettleSeconds"] = "0";
        return defaults;
    }
}

public sealed class TelemetrySqliteServer() : TelemetryServer(DatabaseKind.Sqlite);

public sealed class TelemetryPostgresServer() : TelemetryServer(DatabaseKind.Postgres);
