namespace Hangar.Agent.TrialBoot;

/// <summary>"Can this device still reach its server?" — part of the health check after a trial boot.</summary>
public interface IServerReachability
{
    /// <returns>Null when reachable, otherwise why not.</returns>
    Task<string?> CheckAsync(CancellationToken cancellationToken);
}
