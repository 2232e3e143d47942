using System.Globalization;
using Hangar.Bench.Firmware;

namespace Hangar.Bench.Tunnels;

/// <summary>
/// Three <see cref="TcpForwarder"/> processes in a row in front of a port: the bare chain the tunnel is compared to
/// besides the direct connection (same number of processes and loopback hops, none of the tunnel's protocol work).
/// </summary>
internal sealed class ForwarderChain : IAsyncDisposable
{
    private readonly List<ChildProcess> _forwarders;

    private ForwarderChain(List<ChildProcess> forwarders, int port)
    {
        _forwarders = forwarders;
        Port = port;
    }

    /// <summary>Where a connection enters the chain.</summary>
    public int Port { get; }

    public IReadOnlyList<int> ProcessIds => [.. _forwarders.Select(forwarder => forwarder.Id)];

    public static async Task<ForwarderChain> StartAsync(int targetPort, int hops)
    {
        var forwarders = new List<ChildProcess>();
        var port = targetPort;
        for (var hop = 0; hop < hops; hop++)
        {
            var forwarder = ChildProcess.Start("dotnet", [typeof(ForwarderChain).Assembly.Location, "tcp-forward", port.ToString(CultureInfo.InvariantCulture)]);
            forwarders.Add(forwarder);
            var output = await forwarder.WaitForAsync(TcpForwarder.ListeningLine, TimeSpan.FromSeconds(30));
            port = int.Parse(output.Split(TcpForwarder.ListeningLine)[1].Split('\n')[0].Trim(), CultureInfo.InvariantCulture);
        }

        return new ForwarderChain(forwarders, port);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var forwarder in _forwarders)
        {
            await forwarder.DisposeAsync();
        }
    }
}
