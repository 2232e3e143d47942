namespace Hangar.Agent.Configuration;

/// <summary>The agent's configuration file (snake_case JSON), see docs/agent.md.</summary>
public sealed record AgentConfig
{
    public ServerConfig? Server { get; init; }

    public DeviceConfig? Device { get; init; }

    public SigningConfig? Signing { get; init; }

    /// <summary>Binaries whose target is in this list, or empty, are for this device.</summary>
    public IReadOnlyList<string> Targets { get; init; } = ["portable"];

    public PollingConfig Polling { get; init; } = new();

    public DirectoriesConfig? Directories { get; init; }

    public DownloadsConfig Downloads { get; init; } = new();

    public InstallersConfig Installers { get; init; } = new();

    public BootConfig Boot { get; init; } = new();

    public TunnelsConfig Tunnels { get; init; } = new();
}
