using System.Text.RegularExpressions;
using Hangar.Client;

namespace Hangar.Console.Tests;

/// <summary>
/// A real <c>hangar-server</c> process on a fresh data directory, serving the console on its admin listener, with the
/// owner credentials it printed at first start and an API-key client for setting up test data.
/// </summary>
internal sealed partial class ConsoleServer : IAsyncDisposable
{
    /// <summary>The anonymous budget per address this server runs with.</summary>
    public const int AnonymousRequestsPerMinute = 100;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Every person in these tests signs in from 127.0.0.1, a dozen a minute on a quick machine, so the sign-in limit
    /// (10 a minute per address) is raised. The anonymous budget is lowered far below one page load's two hundred files:
    /// every test then proves that the console's files never spend it (a cold load once stalled on a 429).
    /// </summary>
    private static readonly Dictionary<string, string?> Limits = new()
    {
        ["HANGAR_RateLimits__SignInPerAddressPerMinute"] = "1000",
        ["HANGAR_RateLimits__PerAddressPerMinute"] = AnonymousRequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // Multipart uploads with small files: a browser hashing megabytes in WebAssembly is slow on a loaded machine.
        ["HANGAR_Firmware__MinPartBytes"] = MinPartBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // The webhooks page's deliveries go to a receiver on loopback, over plain http.
        ["HANGAR_Webhooks__AllowedNetworks__0"] = "127.0.0.0/8",
        ["HANGAR_Webhooks__RequireHttps"] = "false",
        // Fleet metrics read rollups: made every second, not every 30 s after a 10 s settle, so pages show them promptly.
        ["HANGAR_Telemetry__RollupIntervalSeconds"] = "1",
        ["HANGAR_Telemetry__RollupSettleSeconds"] = "1",
    };

    /// <summary>The smallest part (but the last) this server accepts: 1 MiB, the console's smallest part size.</summary>
    public const long MinPartBytes = 1024 * 1024;

    private readonly string _directory;
    private readonly RunningProcess _process;
    private readonly HttpClient _http;

    private ConsoleServer(string directory, RunningProcess process, string output)
    {
        _directory = directory;
        _process = process;
        Address = new Uri(AdminLine().Match(output).Groups[1].Value + "/");
        DeviceAddress = new Uri(DeviceLine().Match(output).Groups[1].Value + "/");
        OwnerEmail = OwnerEmailLine().Match(output).Groups[1].Value;
        OwnerPassword = OwnerPasswordLine().Match(output).Groups[1].Value;
        _http = HangarClient.CreateHttpClient(Address, ApiKeyLine().Match(output).Groups[1].Value);
        Api = new HangarClient(_http);
    }

    /// <summary>
    /// A published server (<c>scripts/console-first-load</c> sets <c>HANGAR_TEST_CONSOLE_SERVER</c> to its
    /// hangar-server.dll): its console is IL-trimmed and brotli-compressed, unlike the build's.
    /// </summary>
    public static bool Published => Environment.GetEnvironmentVariable("HANGAR_TEST_CONSOLE_SERVER") is { Length: > 0 };

    public Uri Address { get; }

    /// <summary>The device listener (mutual TLS), where test devices send telemetry and hold their control socket.</summary>
    public Uri DeviceAddress { get; }

    /// <summary>The CA the server generated for its device listener's certificate, which devices trust.</summary>
    public string ServerCaPath => Path.Combine(_directory, "data", "tls", "server-ca.crt");

    public string OwnerEmail { get; }

    public string OwnerPassword { get; }

    /// <summary>The owner's API key: test data is set up through the Admin API, never behind the console's back.</summary>
    public HangarClient Api { get; }

    public string Output => _process.Output;

    public static async Task<ConsoleServer> StartAsync(CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("hangar-console-").FullName;
        var process = RunningProcess.Start(Program,
            ["--data", Path.Combine(directory, "data"), "--admin-url", "http://127.0.0.1:0", "--device-url", "https://127.0.0.1:0"], Limits);
        var output = await process.WaitForAsync("Application started", StartTimeout, cancellationToken);
        return new ConsoleServer(directory, process, output);
    }

    private static string Program => Published ? Environment.GetEnvironmentVariable("HANGAR_TEST_CONSOLE_SERVER")! : BuiltPrograms.Server;

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex AdminLine();

    [GeneratedRegex(@"Now listening on: (https://127\.0\.0\.1:\d+)")]
    private static partial Regex DeviceLine();

    [GeneratedRegex(@"owner email:\s+(\S+)")]
    private static partial Regex OwnerEmailLine();

    [GeneratedRegex(@"owner password:\s+(\S+)")]
    private static partial Regex OwnerPasswordLine();

    [GeneratedRegex(@"api key:\s+(hgr_\S+)")]
    private static partial Regex ApiKeyLine();
}
