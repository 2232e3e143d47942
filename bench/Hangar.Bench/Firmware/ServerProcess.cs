using System.Globalization;
using System.Text.RegularExpressions;
using Hangar.Client;
using Hangar.Testing;

namespace Hangar.Bench.Firmware;

/// <summary>
/// `hangar-server` as a separate process (Release build, SQLite in a fresh data directory, default logging), so its
/// memory is its own: peak RSS is read from /proc/PID/status (VmHWM) and reset between phases via /proc/PID/clear_refs.
/// </summary>
internal sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private ServerProcess(ChildProcess process, Uri adminUrl, Uri deviceUrl, string apiKey, string dataDirectory)
    {
        _process = process;
        AdminUrl = adminUrl;
        DeviceUrl = deviceUrl;
        ApiKey = apiKey;
        DataDirectory = dataDirectory;
    }

    public Uri AdminUrl { get; }

    public Uri DeviceUrl { get; }

    public string ApiKey { get; }

    public string DataDirectory { get; }

    public int Id => _process.Id;

    /// <summary>Starts the server; <paramref name="environment"/> adds or overrides variables (HANGAR_Section__Key settings).</summary>
    public static async Task<ServerProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var variables = new Dictionary<string, string?>
        {
            // One client makes every call of the benchmark; the per-minute limits are for fleets of them.
            ["HANGAR_RateLimits__PerAddressPerMinute"] = "1000000",
            ["HANGAR_RateLimits__PerApiKeyPerMinute"] = "1000000",
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[name] = value;
        }

        var process = ChildProcess.Start("dotnet", [BuiltPrograms.Server, "--data", dataDirectory, "--admin-url", "http://127.0.0.1:0", "--device-url", "https://127.0.0.1:0"],
            variables);
        var output = await process.WaitForAsync("Application started", TimeSpan.FromMinutes(3));
        var credentials = BootstrapCredentials.Parse(output);
        return new ServerProcess(process, new Uri(AdminLine().Match(output).Groups[1].Value + "/"), new Uri(DeviceLine().Match(output).Groups[1].Value + "/"),
            credentials.ApiKey, dataDirectory);
    }

    public HttpClient CreateHttpClient() => HangarClient.CreateHttpClient(AdminUrl, ApiKey);

    /// <summary>Makes the peak resident set size start again from the current one (Linux ≥ 4.0).</summary>
    public void ResetPeakMemory() => File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");

    /// <summary>VmHWM in MiB: the largest resident set since the start or the last reset.</summary>
    public double PeakMemoryMiB() => StatusKiB("VmHWM") / 1024.0;

    public double MemoryMiB() => StatusKiB("VmRSS") / 1024.0;

    /// <summary>User plus system CPU time the server has used so far (/proc/PID/stat, in clock ticks of 10 ms).</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 14 and 15 of proc(5); the split starts at field 3.
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private long StatusKiB(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex AdminLine();

    [GeneratedRegex(@"Now listening on: (https://127\.0\.0\.1:\d+)")]
    private static partial Regex DeviceLine();
}
