namespace Hangar.Bench.Tunnels;

/// <summary>The ports one throughput round connects to: the echo itself, the bare forwarder chain and the tunnel.</summary>
internal sealed record ThroughputPaths(int Direct, int Chain, int Tunnel)
{
    public IEnumerable<int> All => [Direct, Chain, Tunnel];
}

/// <summary>
/// The processes a relayed byte crosses, so a round's CPU can be split between them: the bench itself (the probe and
/// the echo service, which every path uses), the CLI forwarding the local port, the server's relay, the agent, and
/// the bare chain's forwarders.
/// </summary>
internal sealed record TunnelProcesses(int Server, int Agent, int Cli, IReadOnlyList<int> Forwarders)
{
    public CpuReading Read() => new(CpuClock.Self(), CpuClock.Tree(Cli), CpuClock.Tree(Server), CpuClock.Tree(Agent),
        Forwarders.Aggregate(TimeSpan.Zero, (sum, id) => sum + CpuClock.Tree(id)));
}

/// <summary>CPU time used so far by each process of a relayed path.</summary>
internal sealed record CpuReading(TimeSpan Bench, TimeSpan Cli, TimeSpan Server, TimeSpan Agent, TimeSpan Forwarders)
{
    public CpuSpent Minus(CpuReading earlier) =>
        new(Bench - earlier.Bench, Cli - earlier.Cli, Server - earlier.Server, Agent - earlier.Agent, Forwarders - earlier.Forwarders);
}

/// <summary>CPU time each process used during one measurement (the ones a path does not cross stay near zero).</summary>
internal sealed record CpuSpent(TimeSpan Bench, TimeSpan Cli, TimeSpan Server, TimeSpan Agent, TimeSpan Forwarders)
{
    public override string ToString() =>
        $"bench {Bench.TotalSeconds:0.00} s, forwarders {Forwarders.TotalSeconds:0.00} s, CLI {Cli.TotalSeconds:0.00} s, server {Server.TotalSeconds:0.00} s, agent {Agent.TotalSeconds:0.00} s";
}
