using Hangar.Agent.Configuration;
using Hangar.Agent.Processes;

namespace Hangar.Agent.TrialBoot;

/// <summary>After a trial boot: the configured command (exit code 0 is healthy), then whether the server can be reached.</summary>
public sealed class HealthCheck(BootConfig config, ProcessRunner runner, IServerReachability server)
{
    /// <returns>Null when healthy, otherwise the reason for the rollback report.</returns>
    public async Task<string?> RunAsync(IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        if (config.HealthCheckCommand.Count > 0)
        {
            var result = await runner.RunAsync(config.HealthCheckCommand, TimeSpan.FromSeconds(config.CommandTimeoutSeconds), environment, cancellationToken);
            if (!result.Succeeded)
            {
                return $"health check command failed: {result.Summary}";
            }
        }

        return await server.CheckAsync(cancellationToken) is { } unreachable ? $"server unreachable: {unreachable}" : null;
    }
}
