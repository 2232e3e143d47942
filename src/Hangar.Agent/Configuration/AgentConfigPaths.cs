namespace Hangar.Agent.Configuration;

/// <summary>Relative paths in the file mean "next to the file", so a provisioned directory can move as a whole.</summary>
internal static class AgentConfigPaths
{
    public static AgentConfig Resolve(AgentConfig config, string baseDirectory)
    {
        string? Full(string? path) => string.IsNullOrWhiteSpace(path) ? path : Path.GetFullPath(path, baseDirectory);

        return config with
        {
            Server = config.Server! with { CaCertificate = Full(config.Server!.CaCertificate) },
            Device = config.Device! with { Certificate = Full(config.Device!.Certificate), PrivateKey = Full(config.Device.PrivateKey) },
            Directories = new DirectoriesConfig { State = Full(config.Directories!.State), Cache = Full(config.Directories.Cache) },
            Installers = config.Installers with
            {
                File = config.Installers.File is { } file ? file with { Roots = [.. file.Roots.Select(root => Full(root)!)] } : null,
            },
            Boot = config.Boot with
            {
                SimulatedSlots = config.Boot.SimulatedSlots is { } slots ? slots with { Directory = Full(slots.Directory) } : null,
            },
            Telemetry = config.Telemetry with { ScriptsDirectory = Full(config.Telemetry.ScriptsDirectory), MetricsSocket = Full(config.Telemetry.MetricsSocket) },
        };
    }
}
