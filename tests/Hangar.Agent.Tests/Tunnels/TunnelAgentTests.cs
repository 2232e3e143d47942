using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Hangar.Agent.Configuration;
using Hangar.Agent.Hosting;
using Hangar.Agent.Tunnels;
using Hangar.Contracts;
using Hangar.Contracts.Control;
using Hangar.Contracts.Tunnels;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hangar.Agent.Tests.Tunnels;

/// <summary>
/// The agent's side of a tunnel against a stand-in for the server's data-socket endpoint and a real local service:
/// which tunnels it accepts, the bytes it relays, and that a connection it cannot make is reported to the server at
/// once (the user would otherwise wait the server's connect timeout for a 502).
/// </summary>
public sealed class TunnelAgentTests : IAsyncDisposable
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TcpListener _service = new(IPAddress.Loopback, 0);
    private readonly List<ControlFrame> _answers = [];
    private readonly TaskCompletionSource<ControlFrame> _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TunnelAgentTests() => _service.Start();

    private int ServicePort => ((IPEndPoint)_service.LocalEndpoint).Port;

    [Fact]
    public async Task Open_IsRefused_ForAPortNotAllowed_OrWhenTunnelsAreDisabled()
    {
        await using var relay = await RelayStandIn.StartAsync(refuse: false);
        var tunnel = Guid.CreateVersion7();

        var notAllowed = Agent(relay, enabled: true, allowed: [ServicePort + 1]).Open(Frame(ControlFrameTypes.TunnelOpen, tunnel, ServicePort));
        var disabled = Agent(relay, enabled: false, allowed: [ServicePort]).Open(Frame(ControlFrameTypes.TunnelOpen, tunnel, ServicePort));

        Assert.Equal((ControlFrameTypes.Refused, TunnelAgent.RefusedPort), (notAllowed.Type, notAllowed.Code));
        Assert.Equal((ControlFrameTypes.Refused, TunnelAgent.TunnelsDisabled), (disabled.Type, disabled.Code));
    }

    [Fact]
    public async Task Connect_WithoutAnAcceptedTunnel_IsRefused()
    {
        await using var relay = await RelayStandIn.StartAsync(refuse: false);
        var agent = Agent(relay, enabled: true, allowed: [ServicePort]);

        agent.Connect(Frame(ControlFrameTypes.TunnelConnect, Guid.CreateVersion7(), ServicePort, Guid.CreateVersion7()), AnswerAsync, Cancel);

        var answer = await _answered.Task.WaitAsync(Patience, Cancel);
        Assert.Equal((ControlFrameTypes.Refused, TunnelAgent.RefusedPort), (answer.Type, answer.Code));
    }

    [Fact]
    public async Task Connection_RelaysBytesBothWays_AndEndsWhenTheServerCloses()
    {
        await using var relay = await RelayStandIn.StartAsync(refuse: false);
        var agent = Agent(relay, enabled: true, allowed: [ServicePort]);
        var tunnel = Guid.CreateVersion7();
        Assert.Equal(ControlFrameTypes.Ack, agent.Open(Frame(ControlFrameTypes.TunnelOpen, tunnel, ServicePort)).Type);

        agent.Connect(Frame(ControlFrameTypes.TunnelConnect, tunnel, ServicePort, Guid.CreateVersion7()), AnswerAsync, Cancel);
        using var local = await _service.AcceptSocketAsync(Cancel).AsTask().WaitAsync(Patience, Cancel);
        var socket = await relay.Accepted.WaitAsync(Patience, Cancel);

        await socket.SendAsync("ping"u8.ToArray(), WebSocketMessageType.Binary, endOfMessage: true, Cancel);
        Assert.Equal("ping", await ReceiveAsync(local, 4));
        await local.SendAsync("pong"u8.ToArray(), SocketFlags.None, Cancel);
        var buffer = new byte[16];
        var received = await socket.ReceiveAsync(buffer, Cancel);
        Assert.Equal("pong", Encoding.ASCII.GetString(buffer, 0, received.Count));

        // The user's side went away: the local service sees the end of its stream.
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, Cancel);
        Assert.Equal(0, await local.ReceiveAsync(buffer, SocketFlags.None, Cancel).AsTask().WaitAsync(Patience, Cancel));
        Assert.Empty(_answers);
    }

    [Fact]
    public async Task RefusedDataSocket_IsReportedToTheServerAtOnce_AsConnectFailed()
    {
        await using var relay = await RelayStandIn.StartAsync(refuse: true);
        var agent = Agent(relay, enabled: true, allowed: [ServicePort]);
        var tunnel = Guid.CreateVersion7();
        var connection = Guid.CreateVersion7();
        agent.Open(Frame(ControlFrameTypes.TunnelOpen, tunnel, ServicePort));

        agent.Connect(Frame(ControlFrameTypes.TunnelConnect, tunnel, ServicePort, connection), AnswerAsync, Cancel);

        // Without the report nothing would ever answer: the server would give up on its own after its connect timeout.
        var answer = await _answered.Task.WaitAsync(Patience, Cancel);
        Assert.Equal((ControlFrameTypes.Refused, connection, TunnelAgent.ConnectFailed), (answer.Type, answer.Id, answer.Code));
        Assert.Contains("data connection to the server failed", answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingListeningOnThePort_IsReportedAsConnectFailed()
    {
        await using var relay = await RelayStandIn.StartAsync(refuse: false);
        _service.Stop();
        var agent = Agent(relay, enabled: true, allowed: [ServicePort]);
        var tunnel = Guid.CreateVersion7();
        agent.Open(Frame(ControlFrameTypes.TunnelOpen, tunnel, ServicePort));

        agent.Connect(Frame(ControlFrameTypes.TunnelConnect, tunnel, ServicePort, Guid.CreateVersion7()), AnswerAsync, Cancel);

        var answer = await _answered.Task.WaitAsync(Patience, Cancel);
        Assert.Equal((ControlFrameTypes.Refused, TunnelAgent.ConnectFailed), (answer.Type, answer.Code));
        Assert.Contains($"nothing answers on 127.0.0.1:{ServicePort}", answer.Message, StringComparison.Ordinal);
    }

    private static TunnelAgent Agent(RelayStandIn relay, bool enabled, IReadOnlyList<int> allowed)
    {
        var config = new AgentConfig
        {
            Server = new ServerConfig { Url = relay.Url.ToString() },
            Device = new DeviceConfig(),
            Tunnels = new TunnelsConfig { Enabled = enabled, AllowedPorts = allowed },
        };
        var connections = new TunnelConnection(new PlainHttpClients(), new DeviceTls(config.Server, config.Device), NullLogger<TunnelConnection>.Instance);
        return new TunnelAgent(config, connections, NullLogger<TunnelAgent>.Instance);
    }

    private static ControlFrame Frame(string type, Guid tunnel, int port, Guid? connection = null) =>
        new(type, connection ?? tunnel, Data: JsonSerializer.SerializeToElement(new TunnelOpenData(tunnel, port, connection), HangarDeviceJsonContext.Default.TunnelOpenData));

    private Task AnswerAsync(ControlFrame frame)
    {
        lock (_answers)
        {
            _answers.Add(frame);
        }

        _answered.TrySetResult(frame);
        return Task.CompletedTask;
    }

    private static async Task<string> ReceiveAsync(Socket socket, int count)
    {
        var buffer = new byte[count];
        var read = 0;
        while (read < count)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, Cancel).AsTask().WaitAsync(Patience, Cancel);
            Assert.NotEqual(0, n);
            read += n;
        }

        return Encoding.ASCII.GetString(buffer);
    }

    public ValueTask DisposeAsync()
    {
        _service.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The device client without mutual TLS: the stand-in speaks plain http.</summary>
    private sealed class PlainHttpClients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(new SocketsHttpHandler(), disposeHandler: true);
    }
}
