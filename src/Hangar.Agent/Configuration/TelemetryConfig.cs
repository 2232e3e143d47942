namespace Hangar.Agent.Configuration;

/// <summary>Heartbeats and application metrics sent to the server (docs/agent.md, "Telemetry").</summary>
public sealed record TelemetryConfig
{
    /// <summary>False: the agent collects and sends nothing.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often a heartbeat is collected, the scripts run, and the buffer is sent.</summary>
    public int IntervalSeconds { get; set; } = 60;

    /// <summary>Mount points whose size and free space each heartbeat reports.</summary>
    public IReadOnlyList<string> Mounts { get; set; } = ["/"];

    /// <summary>Where <c>/proc</c> and <c>/sys</c> are read from: <c>/</c>, or a host's root mounted into a container.</summary>
    public string SystemRoot { get; set; } = "/";

    /// <summary>A directory of executables, each printing metric lines; none when unset.</summary>
    public string? ScriptsDirectory { get; set; }

    public int ScriptTimeoutSeconds { get; set; } = 10;

    /// <summary>A script's output beyond this many bytes is ignored.</summary>
    public int ScriptOutputBytes { get; set; } = 64 * 1024;

    /// <summary>A Unix socket the agent listens on for metric lines from local programs; none when unset.</summary>
    public string? MetricsSocket { get; set; }

    /// <summary>Points kept while the server cannot be reached; the oldest are dropped (and counted) beyond it.</summary>
    public int BufferPoints { get; set; } = 10_000;

    /// <summary>Points per batch sent (the server's limit is <c>Telemetry:MaxPointsPerBatch</c>, 5000 by default).</summary>
    public int MaxBatchPoints { get; set; } = 500;
}
