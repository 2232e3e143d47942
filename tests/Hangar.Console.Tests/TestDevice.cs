using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Hangar.Contracts;
using Hangar.Contracts.Common;
using Hangar.Contracts.Control;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Telemetry;
using Hangar.Contracts.Updates;

namespace Hangar.Console.Tests;

/// <summary>
/// A device of the test server with a real client certificate, speaking the device API as the agent does: telemetry
/// over mutual TLS, and a control socket that accepts every tunnel request (an agent whose <c>allowed_ports</c> list
/// the port) and answers keep-alives.
/// </summary>
internal sealed class TestDevice : IAsyncDisposable
{
    private readonly TestCertificateAuthority _authority;
    private readonly X509Certificate2 _certificate;
    private readonly X509Certificate2 _serverCa;
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private ClientWebSocket? _socket;
    private Task? _answering;

    private TestDevice(ConsoleServer server, DeviceResponse device, TestCertificateAuthority authority, X509Certificate2 certificate)
    {
        (Server, Device, _authority, _certificate) = (server, device, authority, certificate);
        _serverCa = X509CertificateLoader.LoadCertificateFromFile(server.ServerCaPath);
        var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, presented, _, _) => IssuedByServerCa(presented) };
        handler.ClientCertificates.Add(certificate);
        _http = new HttpClient(handler) { BaseAddress = server.DeviceAddress };
    }

    public ConsoleServer Server { get; }

    public DeviceResponse Device { get; }

    public static async Task<TestDevice> RegisterAsync(ConsoleServer server, string identifier, string product)
    {
        var cancel = TestContext.Current.CancellationToken;
        var device = await server.Api.Devices.CreateAsync(new CreateDeviceRequest(identifier, product), cancellationToken: cancel);
        var authority = new TestCertificateAuthority($"{identifier} CA");
        var certificate = authority.DeviceCertificate(identifier);
        await server.Api.DeviceCertificates.CreateAsync(new CreateDeviceCertificateRequest(device.Id.ToString(), certificate.ExportCertificatePem()), cancellationToken: cancel);
        return new TestDevice(server, device, authority, certificate);
    }

    public async Task SendTelemetryAsync(TelemetryBatchRequest batch)
    {
        using var response = await _http.PostAsync("device/v1/telemetry",
            JsonContent.Create(batch, HangarDeviceJsonContext.Default.TelemetryBatchRequest), TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>The update check as hangar-agent makes it (<c>GET /device/v1/update</c>), reporting the version it runs.</summary>
    public async Task<UpdateCheckResponse> CheckForUpdateAsync(string runningVersion)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "device/v1/update");
        request.Headers.Add(HangarHeaders.DeviceReleaseVersion, runningVersion);
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await response.Content.ReadFromJsonAsync(HangarDeviceJsonContext.Default.UpdateCheckResponse, TestContext.Current.CancellationToken))!;
    }

    /// <summary>A progress report on an offered release, as the agent sends while it downloads and installs.</summary>
    public async Task ReportAsync(Guid release, string state, int? progress = null)
    {
        using var response = await _http.PostAsync("device/v1/update/status", JsonContent.Create(
            new UpdateStatusRequest(Guid.CreateVersion7(), state, release.ToString(), Progress: progress), HangarDeviceJsonContext.Default.UpdateStatusRequest),
            TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Waits until the server shows the control socket as online (presence is written moments after it opens).</summary>
    public async Task WaitUntilOnlineAsync()
    {
        var cancel = TestContext.Current.CancellationToken;
        for (var attempt = 0; !(await Server.Api.Devices.GetAsync(Device.Id.ToString(), cancel)).Presence.Online; attempt++)
        {
            Assert.True(attempt < 300, "the device's control socket never showed as online");
            await Task.Delay(100, cancel);
        }
    }

    /// <summary>Opens the control socket and answers on it until disposed.</summary>
    public async Task ConnectAsync()
    {
        _socket = new ClientWebSocket();
        _socket.Options.ClientCertificates.Add(_certificate);
        _socket.Options.RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && IssuedByServerCa(new X509Certificate2(presented));
        var address = new UriBuilder(new Uri(Server.DeviceAddress, "device/v1/connect")) { Scheme = "wss" }.Uri;
        await _socket.ConnectAsync(address, TestContext.Current.CancellationToken);
        _answering = AnswerAsync(_socket);
    }

    /// <summary>As the agent checks the device listener: its certificate chains to the server's CA (the name is 127.0.0.1 here).</summary>
    private bool IssuedByServerCa(X509Certificate2? presented)
    {
        if (presented is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_serverCa);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(presented);
    }

    private async Task AnswerAsync(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, _stop.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                var frame = JsonSerializer.Deserialize(buffer.AsSpan(0, received.Count), HangarDeviceJsonContext.Default.ControlFrame)!;
                var answer = frame.Type switch
                {
                    ControlFrameTypes.TunnelOpen => new ControlFrame(ControlFrameTypes.Ack, frame.Id),
                    ControlFrameTypes.Ping => new ControlFrame(ControlFrameTypes.Pong, frame.Id),
                    _ => null,
                };
                if (answer is not null)
                {
                    var json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(answer, HangarDeviceJsonContext.Default.ControlFrame));
                    await socket.SendAsync(json, WebSocketMessageType.Text, endOfMessage: true, _stop.Token);
                }
            }
        }
        catch (Exception stopped) when (stopped is OperationCanceledException or WebSocketException)
        {
            // Disposed, or the server closed the socket.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_answering is not null)
        {
            await _answering;
        }

        _socket?.Dispose();
        _http.Dispose();
        _certificate.Dispose();
        _serverCa.Dispose();
        _authority.Dispose();
        _stop.Dispose();
    }
}
