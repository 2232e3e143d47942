using Hangar.Agent.TrialBoot;

namespace Hangar.Agent.Tests.Support;

/// <summary>Hand-written stand-in for the update loop's server check: the tests choose the answer.</summary>
public sealed class FixedReachability(string? unreachableReason = null) : IServerReachability
{
    public Task<string?> CheckAsync(CancellationToken cancellationToken) => Task.FromResult(unreachableReason);
}
