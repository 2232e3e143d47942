using System.Net;
using System.Text.RegularExpressions;

namespace Hangar.EndToEnd.Tests;

/// <summary>
/// The README's promise, with real processes: `hangar-server` on its embedded defaults creates its data directory,
/// prints the first credentials once, serves, stops cleanly on SIGTERM, and prints nothing secret on a restart; the
/// `hangar` CLI logs in with the printed key; and it prints no warning.
/// </summary>
public sealed partial class ServerProcessTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string _directory = Directory.CreateTempSubdirectory("hangar-e2e-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FreshStart_PrintsCredentialsOnce_ServesTheCli_AndRestartsQuietly()
    {
        var data = Path.Combine(_directory, "data");
        string apiKey;
        Uri admin;
        await using (var server = StartServer(data))
        {
            var output = await server.WaitForAsync("Application started", StartTimeout, Cancel);
            apiKey = ApiKeyLine().Match(output).Groups[1].Value;
            Assert.StartsWith("hgr_", apiKey, StringComparison.Ordinal);
            Assert.Single(ApiKeyLine().Matches(output));
            Assert.Contains("owner email:  owner@hangar.local", output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(data, "hangar.db")));
            Assert.True(File.Exists(Path.Combine(data, "tls", "server-ca.crt")));
            admin = AdminAddress(output);

            using var http = new HttpClient(new SocketsHttpHandler(), disposeHandler: true);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(admin, "healthz"), Cancel)).StatusCode);

            var config = Path.Combine(_directory, "cli");
            var environment = new Dictionary<string, string?> { ["HANGAR_CONFIG_DIR"] = config };
            await using (var login = RunningProcess.Start(BuiltPrograms.Cli, ["login", "--url", admin.ToString(), "--api-key", apiKey], environment))
            {
                Assert.Equal(0, await login.WaitForExitAsync(Cancel));
            }

            await using var whoami = RunningProcess.Start(BuiltPrograms.Cli, ["whoami", "--output", "json"], environment);
            Assert.Equal(0, await whoami.WaitForExitAsync(Cancel));
            Assert.Contains("\"role\": \"owner\"", whoami.Output, StringComparison.Ordinal);

            Assert.Equal(0, await server.StopAsync(Cancel));
            // A normal first start warns about nothing: no data-protection key "unencrypted at rest", no EF Core query warning.
            Assert.DoesNotContain("warn:", server.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(apiKey, server.Output[(server.Output.IndexOf(apiKey, StringComparison.Ordinal) + apiKey.Length)..], StringComparison.Ordinal);
        }

        await using var restarted = StartServer(data);
        var again = await restarted.WaitForAsync("Application started", StartTimeout, Cancel);
        Assert.DoesNotContain("api key:", again, StringComparison.Ordinal);
        Assert.DoesNotContain("owner password:", again, StringComparison.Ordinal);
        Assert.DoesNotContain(apiKey, again, StringComparison.Ordinal);
        Assert.Equal(0, await restarted.StopAsync(Cancel));
    }

    [Fact]
    public async Task BadListenerConfiguration_StopsTheServerWithAReadableMessage()
    {
        await using var server = RunningProcess.Start(BuiltPrograms.Server,
            ["--data", Path.Combine(_directory, "bad"), "--admin-url", "http://127.0.0.1:0", "--device-url", "http://127.0.0.1:0"]);
        Assert.NotEqual(0, await server.WaitForExitAsync(Cancel));
        Assert.Contains("Server:DeviceUrl (--device-url) must be https", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondServerOnTheSameDataDirectory_ExitsWithAClearMessage_AndTheFirstKeepsServing()
    {
        var data = Path.Combine(_directory, "shared");
        await using var first = StartServer(data);
        var output = await first.WaitForAsync("Application started", StartTimeout, Cancel);

        await using var second = StartServer(data);
        Assert.NotEqual(0, await second.WaitForExitAsync(Cancel));
        Assert.Contains($"The data directory {data} is in use by another Hangar server", second.Output, StringComparison.Ordinal);

        using var http = new HttpClient(new SocketsHttpHandler(), disposeHandler: true);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(AdminAddress(output), "healthz"), Cancel)).StatusCode);
        Assert.Equal(0, await first.StopAsync(Cancel));
    }

    [Fact]
    public async Task EnvironmentVariables_ConfigureTheServer()
    {
        await using var server = RunningProcess.Start(BuiltPrograms.Server, ["--data", Path.Combine(_directory, "env")], new Dictionary<string, string?>
        {
            ["HANGAR_Server__AdminUrl"] = "http://127.0.0.1:0",
            ["HANGAR_Server__DeviceUrl"] = "https://127.0.0.1:0",
            ["HANGAR_Bootstrap__OwnerEmail"] = "ops@example.com",
        });
        var output = await server.WaitForAsync("Application started", StartTimeout, Cancel);
        Assert.Contains("owner email:  ops@example.com", output, StringComparison.Ordinal);
        Assert.Equal(0, await server.StopAsync(Cancel));
    }

    public void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
    }

    private static RunningProcess StartServer(string data) =>
        RunningProcess.Start(BuiltPrograms.Server, ["--data", data, "--admin-url", "http://127.0.0.1:0", "--device-url", "https://127.0.0.1:0"]);

    private static Uri AdminAddress(string output) => new(AdminLine().Match(output).Groups[1].Value + "/");

    [GeneratedRegex(@"api key:\s+(hgr_\S+)")]
    private static partial Regex ApiKeyLine();

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex AdminLine();
}
