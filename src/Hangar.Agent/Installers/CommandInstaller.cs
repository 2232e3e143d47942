using System.Text.Json.Nodes;
using Hangar.Agent.Configuration;
using Hangar.Agent.Processes;

namespace Hangar.Agent.Installers;

/// <summary>
/// Runs one of the commands named in installers.command.commands, chosen by the option <c>command</c>; <c>{file}</c>
/// in its arguments becomes the verified file's path. The exit code decides.
/// </summary>
public sealed class CommandInstaller(CommandInstallerConfig config, ProcessRunner runner) : IInstaller
{
    public string Name => "command";

    /// <summary>One target per command and artifact: what a command installs is opaque to the agent.</summary>
    public string RunningTarget(string artifact, JsonObject options) =>
        $"command:{(InstallerMetadata.TryGetString(options, "command", out var name) ? name : null)}:{artifact}";

    public async Task<InstallOutcome> InstallAsync(InstallRequest request, CancellationToken cancellationToken)
    {
        if (!InstallerMetadata.TryGetString(request.Options, "command", out var name) || name is null
            || !config.Commands.TryGetValue(name, out var argv))
        {
            return InstallOutcome.Failed($"command installer: option \"command\" must name one of: {string.Join(", ", config.Commands.Keys)}");
        }

        var resolved = argv.Select(argument => argument.Replace("{file}", request.FilePath, StringComparison.Ordinal)).ToList();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HANGAR_BINARY_ID"] = request.BinaryId,
            ["HANGAR_BINARY_FILE"] = request.FilePath,
        };
        var result = await runner.RunAsync(resolved, TimeSpan.FromSeconds(config.TimeoutSeconds), environment, cancellationToken);
        return new InstallOutcome(result.Succeeded, config.RebootRequired, $"command {name}: {result.Summary}");
    }
}
