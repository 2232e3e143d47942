using Hangar.Agent.Configuration;
using Hangar.Agent.Processes;

namespace Hangar.Agent.Installers;

/// <summary>An installer that hands the file to a system tool: swupdate, rauc, fwup and dpkg. The exit code decides.</summary>
public sealed class ToolInstaller(string name, string executable, Func<string, IReadOnlyList<string>> arguments, TimeSpan timeout, bool rebootRequired, ProcessRunner runner)
    : IInstaller
{
    public string Name => name;

    public static ToolInstaller Swupdate(ToolInstallerConfig config, ProcessRunner runner) =>
        new("swupdate", config.Executable ?? "swupdate", file => [.. config.ExtraArgs, "-i", file],
            TimeSpan.FromSeconds(config.TimeoutSeconds), config.RebootRequired ?? true, runner);

    public static ToolInstaller Rauc(ToolInstallerConfig config, ProcessRunner runner) =>
        new("rauc", config.Executable ?? "rauc", file => ["install", .. config.ExtraArgs, file],
            TimeSpan.FromSeconds(config.TimeoutSeconds), config.RebootRequired ?? true, runner);

    public static ToolInstaller Deb(ToolInstallerConfig config, ProcessRunner runner) =>
        new("deb", config.Executable ?? "dpkg", file => ["-i", .. config.ExtraArgs, file],
            TimeSpan.FromSeconds(config.TimeoutSeconds), config.RebootRequired ?? false, runner);

    public static ToolInstaller Fwup(FwupInstallerConfig config, ProcessRunner runner) =>
        new("fwup", config.Executable ?? "fwup", file => ["-a", "-d", config.DevicePath, "-t", config.Task, .. config.ExtraArgs, "-i", file],
            TimeSpan.FromSeconds(config.TimeoutSeconds), config.RebootRequired, runner);

    public async Task<InstallOutcome> InstallAsync(InstallRequest request, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync([executable, .. arguments(request.FilePath)], timeout, null, cancellationToken);
        return new InstallOutcome(result.Succeeded, rebootRequired, $"{name}: {result.Summary}");
    }
}
