using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hangar.Client;

namespace Hangar.EndToEnd.Tests;

/// <summary>
/// A fleet made with real processes only: the `hangar-server` process on its embedded defaults (SQLite, its own
/// TLS), the `hangar` CLI for every change (firmware, releases, CA, provisioning), and the published NativeAOT
/// `hangar-agent`. The typed client only reads what the server recorded.
/// </summary>
internal sealed partial class OtaWorld : IAsyncDisposable
{
    public const string SlotMetadata = """{"hangar": {"installer": "slot", "options": {"name": "app.bin"}}}""";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly RunningProcess _server;
    private readonly Dictionary<string, string?> _cliEnvironment;
    private readonly HttpClient _http;
    private string? _artifact;

    private OtaWorld(string directory, RunningProcess server, Uri admin, string apiKey)
    {
        Directory = directory;
        _server = server;
        _cliEnvironment = new Dictionary<string, string?>
        {
            ["HANGAR_URL"] = admin.ToString(),
            ["HANGAR_API_KEY"] = apiKey,
            ["HANGAR_CONFIG_DIR"] = Path.Combine(directory, "cli"),
        };
        _http = HangarClient.CreateHttpClient(admin, apiKey);
        Client = new HangarClient(_http);
    }

    public string Directory { get; }

    public HangarClient Client { get; }

    public string CohortId { get; private set; } = "";

    public Uri DeviceUrl { get; private set; } = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>
    /// Starts the server (with <paramref name="serverArguments"/> added to its command line) and creates, with the CLI, a
    /// product, a cohort, a signing key and a CA with JITP into the cohort.
    /// </summary>
    public static async Task<OtaWorld> StartAsync(string directory, params string[] serverArguments)
    {
        var server = RunningProcess.Start(BuiltPrograms.Server,
            ["--data", Path.Combine(directory, "data"), "--admin-url", "http://127.0.0.1:0", "--device-url", "https://127.0.0.1:0", .. serverArguments]);
        var output = await server.WaitForAsync("Application started", StartTimeout, Cancel);
        var world = new OtaWorld(directory, server, new Uri(AdminLine().Match(output).Groups[1].Value + "/"), ApiKeyLine().Match(output).Groups[1].Value)
        {
            DeviceUrl = new Uri(DeviceLine().Match(output).Groups[1].Value + "/"),
        };
        try
        {
            var product = await world.CliJsonAsync("products", "create", "--name", "gateway");
            var cohort = await world.CliJsonAsync("cohorts", "create", "--name", "field", "--product", Id(product));
            world.CohortId = Id(cohort);
            await world.CliAsync("signing-keys", "create", "--name", "release", "--generate", "--out", Path.Combine(directory, "keys"));
            var ca = Path.Combine(directory, "ca");
            await world.CliAsync("x509", "ca", "create", "--out", ca, "--name", "E2E Fleet CA");
            var code = (await world.CliJsonAsync("ca-certificates", "create-verification-code")).GetProperty("verification_code").GetString()!;
            await world.CliAsync("x509", "verification-cert", "--ca-cert", Path.Combine(ca, "ca.crt"), "--ca-key", Path.Combine(ca, "ca.key"), "--code", code, "--out", ca);
            await world.CliAsync("ca-certificates", "create", "--cert", Path.Combine(ca, "ca.crt"), "--verification-cert", Path.Combine(ca, "verification.crt"),
                "--jitp-product", Id(product), "--jitp-cohort", world.CohortId);
            world._artifact = Id(await world.CliJsonAsync("artifacts", "create", "--name", "app", "--custom-metadata", SlotMetadata));
            return world;
        }
        catch
        {
            // A failed set-up must not leave the server process running.
            await world.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Uploads <paramref name="content"/> as a signed binary (CLI), bundles it and releases it as the cohort's latest,
    /// with <paramref name="releaseOptions"/> added to <c>releases create</c>.
    /// </summary>
    public async Task<(string ReleaseId, string BinaryId)> ReleaseAsync(string version, byte[] content, params string[] releaseOptions)
    {
        var file = Path.Combine(Directory, $"app-{version}.bin");
        await File.WriteAllBytesAsync(file, content, Cancel);
        var artifactVersion = await CliJsonAsync("artifact-versions", "create", "--artifact", _artifact!, "--version", version);
        var binary = await CliJsonAsync("binaries", "create", "--artifact-version", Id(artifactVersion), "--target", "portable", "--file", file, "--sign", "release");
        Assert.Equal("signed", binary.GetProperty("state").GetString());
        var bundle = await CliJsonAsync("bundles", "create", "--binary", Id(binary));
        var release = await CliJsonAsync(["releases", "create", "--name", $"release {version}", "--cohort", CohortId, "--bundle", Id(bundle),
            "--version", version, "--version-requirement", ">= 1.0.0", .. releaseOptions]);
        return (Id(release), Id(binary));
    }

    /// <summary>
    /// Provisions a device with the CLI (key, certificate from the CA, agent configuration in simulated-slot mode,
    /// factory software 1.0.0, quick polling and a health check that fails on images containing BROKEN; the device
    /// itself is created by JITP on its first connection), then applies <paramref name="change"/> to the configuration.
    /// </summary>
    public async Task<string> ProvisionAsync(string identifier, Action<JsonObject>? change = null)
    {
        var home = Path.Combine(Directory, identifier);
        await CliAsync("devices", "provision", identifier, "--ca", Path.Combine(Directory, "ca"), "--out", home, "--server-url", DeviceUrl.ToString(),
            "--simulated-slots", "--release-version", "1.0.0", "--poll-interval", "10", "--health-check", "! grep -q BROKEN \"$HANGAR_SLOT_DIRECTORY/app.bin\"");
        var path = Path.Combine(home, "config.json");
        if (change is not null)
        {
            var config = JsonNode.Parse(await File.ReadAllTextAsync(path, Cancel))!.AsObject();
            change(config);
            await File.WriteAllTextAsync(path, config.ToJsonString(), Cancel);
        }

        return path;
    }

    public static RunningProcess StartAgent(string config, Action<string>? onLine = null) =>
        RunningProcess.StartProgram(BuiltPrograms.Agent, ["--config", config],
            new Dictionary<string, string?> { ["Logging__LogLevel__Default"] = "Debug", ["Logging__Console__FormatterName"] = "simple" }, onLine);

    /// <summary>The update states the server recorded for the device, in order (from <c>update.status_changed</c> events).</summary>
    public async Task<IReadOnlyList<(string Release, string State, string? Reason)>> TransitionsAsync(string identifier)
    {
        var devices = await Client.Devices.ListAsync(new ListOptions(Search: $"identifier:'{identifier}'"), Cancel);
        if (devices.Data.Count == 0)
        {
            // Not provisioned yet: JITP creates it on its first connection.
            return [];
        }

        var events = await Client.Events.ListAsync(
            new ListOptions(Limit: 100, Search: $"type:'update.status_changed' and resource_id:'{devices.Data[0].Id}'"), Cancel);
        return [.. events.Data.OrderBy(item => item.Time).ThenBy(item => item.Id).Select(item => item.Data)
            .Select(data => (data.GetProperty("release_id").GetString()!, data.GetProperty("to").GetString()!, data.GetProperty("reason").GetString()))];
    }

    /// <summary>Polls until the device's last recorded state for the release is <paramref name="state"/>.</summary>
    public async Task WaitForStateAsync(string identifier, string releaseId, string state, RunningProcess agent, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var transitions = await TransitionsAsync(identifier);
            if (transitions.LastOrDefault(t => t.Release == releaseId) is { State: var last } && last == state)
            {
                return;
            }

            if (deadline.Elapsed > timeout)
            {
                Assert.Fail($"{identifier} did not reach {state} on {releaseId}; transitions {string.Join(", ", transitions)}; agent output:\n{agent.Output}");
            }

            await Task.Delay(200, Cancel);
        }
    }

    public async Task<string> CliAsync(params string[] arguments)
    {
        await using var cli = RunningProcess.Start(BuiltPrograms.Cli, arguments, _cliEnvironment);
        var exit = await cli.WaitForExitAsync(Cancel);
        Assert.True(exit == 0, $"hangar {string.Join(' ', arguments)} exited {exit}:\n{cli.Output}");
        return cli.Output;
    }

    /// <summary>The CLI started with the world's server and key, for a test that checks its exit code itself.</summary>
    public RunningProcess StartCli(string[] arguments) => RunningProcess.Start(BuiltPrograms.Cli, arguments, _cliEnvironment);

    public async Task<JsonElement> CliJsonAsync(params string[] arguments)
    {
        var output = await CliAsync([.. arguments, "--output", "json"]);
        // Progress lines (binaries create, on stderr) may come before or after the JSON document.
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(output[output.IndexOf('{', StringComparison.Ordinal)..]),
            new JsonReaderOptions { AllowMultipleValues = true });
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.StopAsync(CancellationToken.None);
        await _server.DisposeAsync();
    }

    private static string Id(JsonElement resource) => resource.GetProperty("id").GetString()!;

    [GeneratedRegex(@"api key:\s+(hgr_\S+)")]
    private static partial Regex ApiKeyLine();

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex AdminLine();

    [GeneratedRegex(@"Now listening on: (https://127\.0\.0\.1:\d+)")]
    private static partial Regex DeviceLine();
}
