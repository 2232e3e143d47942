namespace Hangar.Agent.Configuration;

/// <summary>The agent's configuration file (snake_case JSON), see docs/agent.md.</summary>
public sealed record AgentConfig
{
    public ServerConfig? Server { get; set; }

    public DeviceConfig? Device { get; set; }

    public SigningConfig? Signing { get; set; }

    public FactorySoftwareConfig FactorySoftware { get; set; } = new();

    /// <summary>Binaries whose target is in this list, or empty, are for this device.</summary>
    public IReadOnlyList<string> Targets { get; set; } = ["portable"];

    public PollingConfig Polling { get; set; } = new();

    public DirectoriesConfig? Directories { get; set; }

    public DownloadsConfig Downloads { get; set; } = new();

    public InstallersConfig Installers { get; set; } = new();

    public BootConfig Boot { get; set; } = new();

    public TunnelsConfig Tunnels { get; set; } = new();

    public ControlSocketConfig ControlSocket { get; set; } = new();

    public TelemetryConfig Telemetry { get; set; } = new();
}
