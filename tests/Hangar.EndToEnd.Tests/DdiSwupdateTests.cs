using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Hangar.Contracts.Releases;
using Hangar.Contracts.Updates;
using Hangar.Testing;

namespace Hangar.EndToEnd.Tests;

/// <summary>
/// hawkBit DDI end to end with Debian's real, unmodified <c>swupdate</c> (suricatta's hawkBit server module) polling a
/// real server process over mutual TLS with a certificate the CLI provisioned: a signed .swu image is installed and,
/// after the "reboot" (swupdate restarted with <c>-c 2</c>, as a device confirms a good boot), committed; a corrupted
/// image fails; an update whose release is halted is cancelled and the device acknowledges the cancel. And over the
/// DDI token listener (plain http): a gateway token's first poll creates the device, which installs and, polling
/// again with its own target token, commits, downloading through hawkBit's artifact route with the token.
/// </summary>
public sealed class DdiSwupdateTests : OtaWorldTest
{
    private const string Device = "swu-ddi-1";
    private const string TokenDevice = "swu-token-1";
    private readonly int _ddiPort;

    public DdiSwupdateTests()
        : this(FreePort())
    {
    }

    private DdiSwupdateTests(int ddiPort)
        : base("hangar-e2e-ddi-", "--Ddi:PollingSleepSeconds=1", "--ddi-url", $"http://127.0.0.1:{ddiPort}",
            "--Ddi:AutoCreateProduct=gateway", "--Ddi:AutoCreateCohort=field")
    {
        _ddiPort = ddiPort;
    }

    [Fact]
    public async Task Swupdate_InstallsCommitsFailsACorruptedImageAndHonoursACancel()
    {
        var home = Path.GetDirectoryName(await World.ProvisionAsync(Device))!;
        var signer = SwupdateImage.CreateSigner(World.Directory, "signer");
        var images = new SwupdateImage(World.Directory);
        var artifact = Id(await World.CliJsonAsync("artifacts", "create", "--name", "rootfs.swu"));
        var installed = Path.Combine(World.Directory, "installed.txt");

        string second;
        var good = await images.BuildAsync("good", Encoding.ASCII.GetBytes("version 2.0.0\n"), installed, signer);
        await using (var swupdate = StartSwupdate(home, signer.Certificate, confirm: null))
        {
            // The first poll creates the device (JITP). A DDI poll says nothing about what the device runs: its factory
            // version comes from a back end checking on its behalf, as for any device whose client does not report it.
            var created = await DeviceAsync(swupdate);
            await World.Client.Devices.GetUpdateAsync(created.Id.ToString(), new AdminUpdateCheckRequest(ReleaseVersion: "1.0.0", Write: true), Cancel);
            second = await ReleaseAsync(artifact, "2.0.0", good);
            await WaitUntilAsync(() => File.Exists(installed), swupdate);
            await World.WaitForStateAsync(Device, second, "downloading", swupdate, StepTimeout);
        }

        Assert.Equal("version 2.0.0\n", await File.ReadAllTextAsync(installed, Cancel));
        await using (var rebooted = StartSwupdate(home, signer.Certificate, confirm: "2"))
        {
            await World.WaitForStateAsync(Device, second, "committed", rebooted, StepTimeout);
        }

        var device = (await World.Client.Devices.ListAsync(new Client.ListOptions(Search: $"identifier:'{Device}'"), Cancel)).Data.Single();
        Assert.Equal((Guid.Parse(second), "2.0.0"), (device.ReportedReleaseId, device.ReportedReleaseVersion));
        Assert.NotNull(device.LastConnectedAt);

        var corrupted = await images.BuildAsync("corrupted", Encoding.ASCII.GetBytes("version 3.0.0\n"), installed, signer,
            shipped: Encoding.ASCII.GetBytes("version 3.0.0, corrupted in transit\n"));
        var third = await ReleaseAsync(artifact, "3.0.0", corrupted);
        await using (var swupdate = StartSwupdate(home, signer.Certificate, confirm: null))
        {
            await World.WaitForStateAsync(Device, third, "failed", swupdate, StepTimeout);
        }

        Assert.Equal("version 2.0.0\n", await File.ReadAllTextAsync(installed, Cancel));

        // Offered (a back end's check on the device's behalf records the offer), then halted before the device starts it.
        var fourth = await ReleaseAsync(artifact, "4.0.0", good);
        var offered = await World.Client.Devices.GetUpdateAsync(device.Id.ToString(), new AdminUpdateCheckRequest(Release: second, Write: true), Cancel);
        Assert.Equal(Guid.Parse(fourth), offered.Release?.Id);
        await World.Client.Releases.HaltAsync(fourth, new HaltReleaseRequest("bad batch"), Cancel);
        await using (var swupdate = StartSwupdate(home, signer.Certificate, confirm: null))
        {
            // The halt aborted the offered update; the poll links its cancelAction and swupdate acknowledges it (it
            // notifies "stopId" once its cancel feedback was sent).
            await World.WaitForStateAsync(Device, fourth, "aborted", swupdate, StepTimeout);
            await WaitUntilAsync(() => swupdate.Output.Contains("\"stopId\"", StringComparison.Ordinal), swupdate);
            Assert.Contains("Cancel action available at", swupdate.Output, StringComparison.Ordinal);
        }

        var aborted = (await World.TransitionsAsync(Device)).Last(t => t.Release == fourth);
        Assert.Equal("the release was halted: bad batch", aborted.Reason);
    }

    [Fact]
    public async Task Swupdate_WithAGatewayTokenThenATargetToken_IsCreatedInstallsAndCommits()
    {
        var signer = SwupdateImage.CreateSigner(World.Directory, "signer");
        var images = new SwupdateImage(World.Directory);
        var artifact = Id(await World.CliJsonAsync("artifacts", "create", "--name", "rootfs.swu"));
        var installed = Path.Combine(World.Directory, "installed.txt");
        var gateway = (await World.CliJsonAsync("ddi", "gateway-tokens", "create", "--name", "e2e")).GetProperty("token").GetString()!;

        string release;
        var good = await images.BuildAsync("good", Encoding.ASCII.GetBytes("version 2.0.0\n"), installed, signer);
        await using (var swupdate = StartTokenSwupdate(signer.Certificate, $"-g {gateway}", confirm: null))
        {
            // Unknown to the server, the controller is created by its first poll with the gateway token (Ddi:AutoCreateProduct).
            var created = await DeviceAsync(swupdate, TokenDevice);
            await World.Client.Devices.GetUpdateAsync(created.Id.ToString(), new AdminUpdateCheckRequest(ReleaseVersion: "1.0.0", Write: true), Cancel);
            release = await ReleaseAsync(artifact, "2.0.0", good);
            await WaitUntilAsync(() => File.Exists(installed), swupdate);
            await World.WaitForStateAsync(TokenDevice, release, "downloading", swupdate, StepTimeout);
        }

        Assert.Equal("version 2.0.0\n", await File.ReadAllTextAsync(installed, Cancel));
        var target = (await World.CliJsonAsync("ddi", "target-token", "create", TokenDevice)).GetProperty("token").GetString()!;
        await using (var rebooted = StartTokenSwupdate(signer.Certificate, $"-k {target}", confirm: "2"))
        {
            await World.WaitForStateAsync(TokenDevice, release, "committed", rebooted, StepTimeout);
        }

        var device = (await World.Client.Devices.ListAsync(new Client.ListOptions(Search: $"identifier:'{TokenDevice}'"), Cancel)).Data.Single();
        Assert.Equal((Guid.Parse(release), "2.0.0"), (device.ReportedReleaseId, device.ReportedReleaseVersion));
        var ddi = await World.CliJsonAsync("ddi", "get", TokenDevice);
        Assert.True(ddi.GetProperty("has_target_token").GetBoolean());
        Assert.NotNull(ddi.GetProperty("target_token_last_used_at").GetString());
    }

    /// <summary>A release of <paramref name="image"/> as the cohort's latest.</summary>
    private async Task<string> ReleaseAsync(string artifact, string version, string image)
    {
        var artifactVersion = await World.CliJsonAsync("artifact-versions", "create", "--artifact", artifact, "--version", version);
        var binary = await World.CliJsonAsync("binaries", "create", "--artifact-version", Id(artifactVersion), "--target", "portable", "--file", image, "--sign", "release");
        var bundle = await World.CliJsonAsync("bundles", "create", "--binary", Id(binary));
        return Id(await World.CliJsonAsync("releases", "create", "--name", $"rootfs {version}", "--cohort", World.CohortId, "--bundle", Id(bundle),
            "--version", version, "--version-requirement", ">= 1.0.0"));
    }

    /// <summary>
    /// swupdate as a device runs it: suricatta configured in swupdate.cfg (tenant, controller id, the server, the
    /// device's key and certificate and the server's CA), the image signer's certificate, and the hardware it is;
    /// <paramref name="confirm"/> is suricatta's <c>-c</c> (2: the update booted fine). Suricatta runs only when <c>-u</c>
    /// is given (<c>-e</c>: enabled). TMPDIR keeps its sockets apart from other swupdate processes.
    /// </summary>
    private RunningProcess StartSwupdate(string home, string signerCertificate, string? confirm)
    {
        var tmp = Directory.CreateDirectory(Path.Combine(World.Directory, "swupdate-tmp")).FullName;
        var config = Path.Combine(World.Directory, "swupdate.cfg");
        File.WriteAllText(config, $$"""
            globals :
            {
                verbose = true;
                loglevel = 6;
            };
            suricatta :
            {
                tenant = "default";
                id = "{{Device}}";
                url = "{{World.DeviceUrl.ToString().TrimEnd('/')}}";
                sslkey = "{{Path.Combine(home, "device.key")}}";
                sslcert = "{{Path.Combine(home, "device.crt")}}";
                cafile = "{{Path.Combine(home, "server-ca.crt")}}";
                retrywait = 1;
                initial-report-resend-period = 1;
            };
            """);
        string[] arguments = ["-v", "-f", config, "-k", signerCertificate, "-H", $"board:{SwupdateImage.Hardware}", "-u", confirm is null ? "-e" : $"-e -c {confirm}"];
        return RunningProcess.StartProgram("swupdate", arguments, new Dictionary<string, string?> { ["TMPDIR"] = tmp });
    }

    /// <summary>swupdate against the DDI token listener over plain http, authenticated by <paramref name="token"/> (<c>-g</c> or <c>-k</c>).</summary>
    private RunningProcess StartTokenSwupdate(string signerCertificate, string token, string? confirm)
    {
        var tmp = Directory.CreateDirectory(Path.Combine(World.Directory, "swupdate-tmp")).FullName;
        var config = Path.Combine(World.Directory, "swupdate-token.cfg");
        File.WriteAllText(config, $$"""
            globals :
            {
                verbose = true;
                loglevel = 6;
            };
            suricatta :
            {
                tenant = "default";
                id = "{{TokenDevice}}";
                url = "http://127.0.0.1:{{_ddiPort}}";
                retrywait = 1;
                initial-report-resend-period = 1;
            };
            """);
        var suricatta = $"-e {token}" + (confirm is null ? "" : $" -c {confirm}");
        string[] arguments = ["-v", "-f", config, "-k", signerCertificate, "-H", $"board:{SwupdateImage.Hardware}", "-u", suricatta];
        return RunningProcess.StartProgram("swupdate", arguments, new Dictionary<string, string?> { ["TMPDIR"] = tmp });
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task<Contracts.Devices.DeviceResponse> DeviceAsync(RunningProcess swupdate) => DeviceAsync(swupdate, Device);

    private async Task<Contracts.Devices.DeviceResponse> DeviceAsync(RunningProcess swupdate, string identifier)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var found = await World.Client.Devices.ListAsync(new Client.ListOptions(Search: $"identifier:'{identifier}'"), Cancel);
            if (found.Data.Count == 1)
            {
                return found.Data[0];
            }

            Assert.True(deadline.Elapsed < StepTimeout && !swupdate.HasExited, $"the device was not created; swupdate output:\n{swupdate.Output}");
            await Task.Delay(100, Cancel);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, RunningProcess swupdate)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < StepTimeout && !swupdate.HasExited, $"condition not met; swupdate output:\n{swupdate.Output}");
            await Task.Delay(100, Cancel);
        }
    }

    private static string Id(JsonElement resource) => resource.GetProperty("id").GetString()!;
}
