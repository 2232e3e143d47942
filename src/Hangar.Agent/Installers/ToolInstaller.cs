using System.Text.Json.Nodes;
using Hangar.Agent.Configuration;
using Hangar.Agent.Processes;

namespace Hangar.Agent.Installers;

/// <summary>An installer that hands the file to a system tool: swupdate, rauc, fwup and dpkg. The exit code decides.</summary>
/// <param name="judge">Decides success and the one-line detail from the tool's result (by default: exit code 0; the exit code and last line).</param>
public sealed class ToolInstaller(
    string name, string executable, Func<string, IReadOnlyList<string>> arguments, TimeSpan timeout, bool rebootRequired, ProcessRunner runner,
    Func<ProcessResult, (bool Succeeded, string Detail)>? judge = null)
    : IInstaller
{
    public string Name => name;

    /// <summary>One target per tool and artifact (the system image of an artifact, a package).</summary>
    public string RunningTarget(string artifact, JsonObject options) => $"{name}:{artifact}";

    public static ToolInstaller Swupdate(ToolInstallerConfig config, ProcessRunner runner) =>
        new("swupdate", config.Executable ?? "swupdate", file => [.. config.ExtraArgs, "-i", file],
            TimeSpan.FromSeconds(config.TimeoutSeconds), config.RebootRequired ?? true, runner, JudgeSwupdate);

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
        var (succeeded, detail) = (judge ?? (r => (r.Succeeded, r.Summary)))(result);
        return new InstallOutcome(succeeded, rebootRequired, $"{name}: {detail}");
    }

    /// <summary>
    /// swupdate ends every failure with "SWUpdate *failed* !"; its first ERROR line says why (a signature that does
    /// not verify, a hash mismatch, incompatible hardware). And Debian's swupdate 2022.12 now and then exits 1 after
    /// a complete install, when one of its helper processes ends while the main one exits: an install that printed
    /// "SWUPDATE successful" and no ERROR line, and did not time out, succeeded whatever the exit code.
    /// </summary>
    private static (bool Succeeded, string Detail) JudgeSwupdate(ProcessResult result)
    {
        const string Marker = "ERROR : ";
        var lines = result.OutputTail.Split('\n');
        var error = lines.FirstOrDefault(line => line.Contains(Marker, StringComparison.Ordinal));
        if (error is not null)
        {
            return (false, $"exit code {result.ExitCode}: {error[(error.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..].Trim()}");
        }

        var reportedSuccess = !result.TimedOut && lines.Any(line => line.Contains("SWUPDATE successful", StringComparison.Ordinal));
        return (result.Succeeded || reportedSuccess, result.Summary);
    }
}
