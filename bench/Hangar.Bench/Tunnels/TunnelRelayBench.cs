using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Hangar.Bench.Agent;
using Hangar.Bench.Firmware;
using Hangar.Client;
using Hangar.Contracts.Tunnels;

namespace Hangar.Bench.Tunnels;

/// <summary>
/// Remote access tunnels against a direct loopback connection to the same TCP echo service, in the same run: the
/// `hangar-server` process, the published agent (tunnels enabled to the echo's port) and the CLI's
/// <c>hangar tunnels open</c> forwarding a local port, so the tunnel path is the one a user gets (CLI → admin
/// WebSocket → relay → device WebSocket over mutual TLS → agent → TCP). Throughput: N MiB echoed back on one
/// connection, rounds alternating direct and tunnel. Latency: 64-byte round trips. Memory: the server's resident and
/// anonymous (private) memory, and the agent's, with K open tunnels each holding one idle relayed connection vs none.
/// </summary>
internal static class TunnelRelayBench
{
    private const double MiB = 1024 * 1024;
    private const string Device = "tunnel-bench";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(int megabytes, int rounds, int messages, int idleTunnels)
    {
        var agentBinary = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../artifacts/agent/hangar-agent"));
        if (!File.Exists(agentBinary))
        {
            throw new FileNotFoundException("run scripts/publish-agent first", agentBinary);
        }

        var work = Directory.CreateTempSubdirectory("hangar-bench-tunnels-").FullName;
        try
        {
            await using var echo = new TcpEchoService();
            await using var server = await ServerProcess.StartAsync(Path.Combine(work, "data"));
            using var http = server.CreateHttpClient();
            var client = new HangarClient(http);
            var fleet = await BenchFleet.CreateAsync(client, server, work);
            var config = await fleet.DeviceAsync(Device, pollingSeconds: 1800);
            var json = JsonNode.Parse(await File.ReadAllTextAsync(config))!.AsObject();
            json["tunnels"] = new JsonObject { ["enabled"] = true, ["allowed_ports"] = new JsonArray(echo.Port) };
            await File.WriteAllTextAsync(config, json.ToJsonString());
            await using var agent = ChildProcess.Start(agentBinary, ["--config", config]);
            await WaitOnlineAsync(client);

            await using var forward = ChildProcess.Start("dotnet", [BuiltPrograms.Cli, "tunnels", "open", Device, "--port", echo.Port.ToString(CultureInfo.InvariantCulture)],
                new Dictionary<string, string?> { ["HANGAR_URL"] = server.AdminUrl.ToString(), ["HANGAR_API_KEY"] = server.ApiKey, ["HANGAR_CONFIG_DIR"] = Path.Combine(work, "cli") });
            var output = await forward.WaitForAsync("Forwarding 127.0.0.1:", TimeSpan.FromMinutes(2));
            var tunnelPort = int.Parse(output.Split("Forwarding 127.0.0.1:")[1].Split(' ')[0], CultureInfo.InvariantCulture);
            Console.WriteLine($"tunnels: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()}; echo on 127.0.0.1:{echo.Port}, tunnel on 127.0.0.1:{tunnelPort}");

            await using (var chain = await ForwarderChain.StartAsync(echo.Port, hops: 3))
            {
                await ThroughputAsync(new ThroughputPaths(echo.Port, chain.Port, tunnelPort), megabytes, rounds, new TunnelProcesses(server.Id, agent.Id, forward.Id, chain.ProcessIds));
            }

            await LatencyAsync(echo.Port, tunnelPort, messages);
            await MemoryAsync(client, server, agent.Id, echo.Port, idleTunnels);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task ThroughputAsync(ThroughputPaths paths, int megabytes, int rounds, TunnelProcesses processes)
    {
        var bytes = megabytes * (long)MiB;
        // Warm-up: JIT in the CLI, the server, the forwarders and this process; the relay's and the agent's first
        // connections. Half a round each: a tenth left the server's relay path unoptimized (tiered compilation), and
        // its first round took twice the CPU of the next.
        foreach (var port in paths.All)
        {
            await TcpProbe.RoundTripSecondsAsync(port, bytes / 2);
        }

        var (direct, chain, tunnel) = (new List<double>(), new List<double>(), new List<double>());
        for (var round = 1; round <= rounds; round++)
        {
            var beforeDirect = processes.Read();
            direct.Add(await TcpProbe.RoundTripSecondsAsync(paths.Direct, bytes));
            var beforeChain = processes.Read();
            chain.Add(await TcpProbe.RoundTripSecondsAsync(paths.Chain, bytes));
            var beforeTunnel = processes.Read();
            tunnel.Add(await TcpProbe.RoundTripSecondsAsync(paths.Tunnel, bytes));
            var after = processes.Read();
            Console.WriteLine($"tunnels: throughput round {round}: direct {megabytes / direct[^1]:0} MiB/s, bare chain {megabytes / chain[^1]:0} MiB/s ({direct[^1] / chain[^1]:P0}), " +
                $"tunnel {megabytes / tunnel[^1]:0} MiB/s ({direct[^1] / tunnel[^1]:P0} of direct, {chain[^1] / tunnel[^1]:P0} of the chain); " +
                $"CPU direct [{beforeChain.Minus(beforeDirect)}]; chain [{beforeTunnel.Minus(beforeChain)}]; tunnel [{after.Minus(beforeTunnel)}]");
        }

        var (medianDirect, medianChain, medianTunnel) = (Measures.Median(direct), Measures.Median(chain), Measures.Median(tunnel));
        Console.WriteLine($"tunnels: throughput, {megabytes} MiB echoed on one connection, median of {rounds}: direct {megabytes / medianDirect:0} MiB/s, " +
            $"bare chain {megabytes / medianChain:0} MiB/s ({medianDirect / medianChain:P0} of direct), tunnel {megabytes / medianTunnel:0} MiB/s: " +
            $"{medianDirect / medianTunnel:P0} of direct, {medianChain / medianTunnel:P0} of the bare chain");
    }

    private static async Task LatencyAsync(int directPort, int tunnelPort, int messages)
    {
        var direct = await TcpProbe.MessageRoundTripsAsync(directPort, messages);
        var tunnel = await TcpProbe.MessageRoundTripsAsync(tunnelPort, messages);
        Console.WriteLine($"tunnels: 64-byte round trips ({messages} each): direct median {Measures.Median(direct):0.000} ms, p99 {Percentile(direct, 0.99):0.000} ms; " +
            $"tunnel median {Measures.Median(tunnel):0.000} ms, p99 {Percentile(tunnel, 0.99):0.000} ms; added median {Measures.Median(tunnel) - Measures.Median(direct):0.000} ms");
    }

    private static async Task MemoryAsync(HangarClient client, ServerProcess server, int agentId, int port, int count)
    {
        await Task.Delay(Settle);
        var (serverRss, serverAnon, agentRss) = (StatusKiB(server.Id, "VmRSS"), StatusKiB(server.Id, "RssAnon"), StatusKiB(agentId, "VmRSS"));
        var sockets = new List<ClientWebSocket>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var created = await client.Tunnels.CreateAsync(new CreateTunnelRequest(Device, port));
                while ((await client.Tunnels.GetAsync(created.Tunnel.Id.ToString())).State == "requested")
                {
                    await Task.Delay(20);
                }

                try
                {
                    sockets.Add(await ConnectAsync(server.AdminUrl, created.Tunnel.Id, created.Token));
                }
                catch (WebSocketException exception)
                {
                    // Counted and shown rather than ending the run: the memory figure is per connection that opened.
                    Console.WriteLine($"tunnels: connection through tunnel {i + 1} refused: {exception.Message}");
                }
            }

            await Task.Delay(Settle);
            var (serverRssAfter, serverAnonAfter, agentRssAfter) = (StatusKiB(server.Id, "VmRSS"), StatusKiB(server.Id, "RssAnon"), StatusKiB(agentId, "VmRSS"));
            var held = Math.Max(1, sockets.Count);
            Console.WriteLine($"tunnels: {count} open tunnels, {sockets.Count} with one idle relayed connection: server RSS {serverRss / 1024.0:0} → {serverRssAfter / 1024.0:0} MiB " +
                $"({(serverRssAfter - serverRss) / (double)held:0} KiB per tunnel), private (RssAnon) {serverAnon / 1024.0:0} → {serverAnonAfter / 1024.0:0} MiB " +
                $"({(serverAnonAfter - serverAnon) / (double)held:0} KiB per tunnel); agent RSS {agentRss / 1024.0:0.0} → {agentRssAfter / 1024.0:0.0} MiB " +
                $"({(agentRssAfter - agentRss) / (double)held:0} KiB per tunnel)");
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Abort();
                socket.Dispose();
            }
        }
    }

    private static async Task<ClientWebSocket> ConnectAsync(Uri admin, Guid tunnelId, string token)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Hangar-Tunnel-Token", token);
        await socket.ConnectAsync(new UriBuilder(new Uri(admin, $"api/v1/tunnels/{tunnelId}/connect")) { Scheme = "ws" }.Uri, CancellationToken.None);
        return socket;
    }

    private static async Task WaitOnlineAsync(HangarClient client)
    {
        for (var attempt = 0; ; attempt++)
        {
            var devices = (await client.Devices.ListAsync(new ListOptions(Search: $"identifier:'{Device}'"))).Data;
            if (devices.Count == 1 && devices[0].Presence.Online)
            {
                return;
            }

            if (attempt == 600)
            {
                throw new TimeoutException($"{Device} never came online");
            }

            await Task.Delay(100);
        }
    }

    private static double Percentile(List<double> values, double fraction)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
    }

    private static long StatusKiB(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
