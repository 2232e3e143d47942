using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Hangar.Client;
using Hangar.Contracts.Tunnels;

namespace Hangar.EndToEnd.Tests;

/// <summary>
/// Remote access end to end with real processes only: the server, the published agent with tunnels enabled to one
/// port, Debian's real OpenSSH server on that port, the CLI and the real ssh and scp clients. <c>hangar ssh</c> runs a
/// remote command; through <c>hangar tunnels open</c> a 100 MB scp arrives byte-identical and five sessions run at
/// once; a port the agent does not allow is refused with its reason; the TTL closes a tunnel and its local port; and
/// revoking the device's certificate ends an open tunnel and the SSH session in it within seconds.
/// </summary>
public sealed partial class TunnelSshTests(TunnelSshWorld fixture) : IClassFixture<TunnelSshWorld>
{
    private const int Megabytes = 100;

    /// <summary>How long a revoked device's tunnel may stay open: the sweep runs every 2 s, the CLI polls every 2 s.</summary>
    private static readonly TimeSpan RevocationBound = TimeSpan.FromSeconds(20);

    private static TimeSpan StepTimeout => TunnelSshWorld.StepTimeout;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private OtaWorld World => fixture.World;

    private OpenSshServer Sshd => fixture.Sshd;

    private string SshPort => Sshd.Port.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Ssh_RunsARemoteCommandThroughTheAgent_AndAPortTheAgentDoesNotAllowIsRefused()
    {
        await using (var ssh = World.StartCli(["ssh", TunnelSshWorld.SharedDevice, "--port", SshPort, "--user", OpenSshServer.User, "--", .. Sshd.ClientOptions, "echo", "hi"]))
        {
            Assert.True(await ssh.WaitForExitAsync(Cancel) == 0, $"hangar ssh:\n{ssh.Output}\nsshd:\n{Sshd.Output}");
            Assert.Contains("hi", Lines(ssh.Output));
        }

        var refusedPort = Sshd.Port == 8022 ? "8023" : "8022";
        await using var refused = World.StartCli(["tunnels", "open", TunnelSshWorld.SharedDevice, "--port", refusedPort]);
        var exit = await refused.WaitForExitAsync(Cancel);
        Assert.True(exit == 7, $"tunnels open to port {refusedPort} exited {exit}:\n{refused.Output}");
        Assert.Contains("refused_port", refused.Output, StringComparison.Ordinal);
        var tunnel = Assert.Single(await TunnelsAsync($"device_port:{refusedPort}"));
        Assert.Equal(("closed", "refused_port"), (tunnel.State, tunnel.CloseReason));
    }

    [Fact]
    public async Task TunnelsOpen_CarriesAHundredMegabyteScpAndFiveParallelSessions_AndItsTtlClosesTheTunnelAndTheLocalPort()
    {
        // Opened first: its minute runs while the other tunnel carries the copy.
        await using var shortLived = World.StartCli(["tunnels", "open", TunnelSshWorld.SharedDevice, "--port", SshPort, "--ttl", "60s"]);
        var shortPort = await ForwardedPortAsync(shortLived);
        var opened = Stopwatch.StartNew();
        await AssertSessionAsync(shortPort, "before-ttl");

        var localPort = FreePort();
        await using var tunnel = World.StartCli(["tunnels", "open", TunnelSshWorld.SharedDevice, "--port", SshPort, "--local-port", localPort.ToString(CultureInfo.InvariantCulture)]);
        Assert.Equal(localPort, await ForwardedPortAsync(tunnel));
        var source = Path.Combine(World.Directory, "random.bin");
        var copy = Path.Combine(World.Directory, "copied.bin");
        await WriteRandomFileAsync(source, Megabytes);

        await using (var scp = RunningProcess.StartProgram("scp", ["-P", localPort.ToString(CultureInfo.InvariantCulture), .. Sshd.ClientOptions, source, $"{OpenSshServer.User}@127.0.0.1:{copy}"]))
        {
            Assert.True(await scp.WaitForExitAsync(Cancel) == 0, $"scp:\n{scp.Output}\ntunnel:\n{tunnel.Output}\nsshd:\n{Sshd.Output}");
        }

        Assert.Equal(await Sha256Async(source), await Sha256Async(copy));
        // Each session sleeps so that all five hold a relayed connection at the same time.
        await Task.WhenAll(Enumerable.Range(1, 5).Select(session => AssertSessionAsync(localPort, $"session-{session}", "sleep 2;")));

        var expired = await shortLived.WaitForExitAsync(Cancel);
        Assert.True(expired == 0 && shortLived.Output.Contains("The tunnel closed: ttl.", StringComparison.Ordinal),
            $"the 60 s tunnel, {opened.Elapsed.TotalSeconds:0} s after it opened, exited {expired}:\n{shortLived.Output}");
        await AssertRefusedAsync(shortPort);

        await tunnel.StopAsync(Cancel);
        Assert.Contains("Tunnel closed.", tunnel.Output, StringComparison.Ordinal);
        // The copy's bytes were counted on the tunnel that carried it, which Ctrl+C (SIGTERM here) closed.
        var closed = await TunnelsAsync("state:'closed' and close_reason:'user'");
        Assert.Contains(closed, t => t.DeviceIdentifier == TunnelSshWorld.SharedDevice && t.BytesToDevice > Megabytes * 1024L * 1024);
    }

    [Fact]
    public async Task RevokingTheDeviceCertificate_ClosesItsOpenTunnelAndTheSessionInIt_WithinSeconds()
    {
        const string device = "gw-ssh-revoked";
        await using var agent = await fixture.StartAgentAsync(device);
        await using var tunnel = World.StartCli(["tunnels", "open", device, "--port", SshPort]);
        var localPort = await ForwardedPortAsync(tunnel);
        await using var session = RunningProcess.StartProgram("ssh", [.. SshArguments(localPort), "echo ready; sleep 600"]);
        await session.WaitForAsync("ready", StepTimeout, Cancel);

        var devices = await World.Client.Devices.ListAsync(new ListOptions(Search: $"identifier:'{device}'"), Cancel);
        var certificates = await World.Client.DeviceCertificates.ListAsync(new ListOptions(Search: $"device_id:'{devices.Data[0].Id}'"), Cancel);
        await World.CliAsync("device-certificates", "revoke", Assert.Single(certificates.Data).Id.ToString());
        var revoked = Stopwatch.StartNew();

        var closed = await UntilClosedAsync(device);
        Assert.Equal("revoked", closed.CloseReason);
        Assert.True(revoked.Elapsed < RevocationBound, $"the tunnel closed {revoked.Elapsed.TotalSeconds:0.0} s after the revocation");
        Assert.NotEqual(0, await session.WaitForExitAsync(Cancel));
        Assert.Equal(0, await tunnel.WaitForExitAsync(Cancel));
        Assert.Contains("The tunnel closed: revoked.", tunnel.Output, StringComparison.Ordinal);
        await AssertRefusedAsync(localPort);
    }

    private IEnumerable<string> SshArguments(int localPort) =>
        ["-p", localPort.ToString(CultureInfo.InvariantCulture), "-l", OpenSshServer.User, .. Sshd.ClientOptions, "127.0.0.1"];

    /// <summary>Runs one SSH session through a forwarded port and checks it printed <paramref name="word"/>.</summary>
    private async Task AssertSessionAsync(int localPort, string word, string before = "")
    {
        await using var ssh = RunningProcess.StartProgram("ssh", [.. SshArguments(localPort), $"{before} echo {word}"]);
        var exit = await ssh.WaitForExitAsync(Cancel);
        Assert.True(exit == 0 && Lines(ssh.Output).Contains(word), $"ssh ({word}) exited {exit}:\n{ssh.Output}\nsshd:\n{Sshd.Output}");
    }

    /// <summary>The local port <c>tunnels open</c> listens on, once it says it forwards.</summary>
    private static async Task<int> ForwardedPortAsync(RunningProcess tunnel)
    {
        var output = await tunnel.WaitForAsync("Forwarding 127.0.0.1:", StepTimeout, Cancel);
        return int.Parse(ForwardingLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private async Task<TunnelResponse> UntilClosedAsync(string device)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var tunnel = (await World.Client.Tunnels.ListAsync(cancellationToken: Cancel)).Data.Single(t => t.DeviceIdentifier == device);
            if (tunnel.State == "closed")
            {
                return tunnel;
            }

            Assert.True(deadline.Elapsed < StepTimeout, $"the tunnel to {device} never closed: {tunnel}");
            await Task.Delay(100, Cancel);
        }
    }

    private async Task<IReadOnlyList<TunnelResponse>> TunnelsAsync(string search) =>
        (await World.Client.Tunnels.ListAsync(new ListOptions(Search: search), Cancel)).Data;

    private static async Task AssertRefusedAsync(int port)
    {
        using var client = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(async () => await client.ConnectAsync(IPAddress.Loopback, port, Cancel));
    }

    private static async Task WriteRandomFileAsync(string path, int megabytes)
    {
        await using var file = File.Create(path);
        var block = new byte[1024 * 1024];
        for (var i = 0; i < megabytes; i++)
        {
            RandomNumberGenerator.Fill(block);
            await file.WriteAsync(block, Cancel);
        }
    }

    private static async Task<string> Sha256Async(string path)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexString(await SHA256.HashDataAsync(file, Cancel));
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.TrimEntries);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Forwarding 127\.0\.0\.1:(\d+)")]
    private static partial Regex ForwardingLine();
}
