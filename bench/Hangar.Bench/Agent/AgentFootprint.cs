using System.Globalization;
using System.Text.RegularExpressions;
using Hangar.Bench.Firmware;
using Hangar.Client;

namespace Hangar.Bench.Agent;

/// <summary>
/// The published NativeAOT agent (artifacts/agent, from scripts/publish-agent) against a `hangar-server` process:
/// its binary size, its resident memory and CPU while idle (between checks, default polling), and its download
/// throughput — a whole update of one large binary over mutual TLS, timed from its "Downloading" to its
/// "Downloaded" log line, so it includes the SHA-256 it computes while writing, its periodic fsyncs and the final
/// verification — against `curl` fetching the same signed URL with the same client certificate into a file on the
/// same disk, in the same run, alternating.
/// </summary>
internal static partial class AgentFootprint
{
    private const long Size = 512L * 1024 * 1024;
    private const double MiB = 1024 * 1024;
    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(int runs)
    {
        var agentBinary = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../artifacts/agent/hangar-agent"));
        if (!File.Exists(agentBinary))
        {
            throw new FileNotFoundException("run scripts/publish-agent first", agentBinary);
        }

        var work = Directory.CreateTempSubdirectory("hangar-bench-agent-").FullName;
        try
        {
            await using var server = await ServerProcess.StartAsync(Path.Combine(work, "data"));
            using var http = server.CreateHttpClient();
            var fleet = await BenchFleet.CreateAsync(new HangarClient(http), server, work);
            Console.WriteLine($"agent binary: {new FileInfo(agentBinary).Length / MiB:0.0} MiB (libsodium.so {new FileInfo(Path.Combine(Path.GetDirectoryName(agentBinary)!, "libsodium.so")).Length / MiB:0.0} MiB beside it)");

            await MeasureIdleAsync(agentBinary, await fleet.DeviceAsync("idle", pollingSeconds: 1800));

            var file = Path.Combine(work, "payload.bin");
            await Measures.WriteRandomFileAsync(file, Size);
            var (_, url) = await fleet.ReleaseAsync(file);
            var agentSeconds = new List<double>();
            var curlSeconds = new List<double>();
            for (var run = 1; run <= runs; run++)
            {
                var device = await fleet.DeviceAsync($"download-{run}", pollingSeconds: 1800);
                var curl = await CurlAsync(fleet, device, url, Path.Combine(work, "curl.bin"));
                var agent = await AgentDownloadAsync(agentBinary, device);
                curlSeconds.Add(curl);
                agentSeconds.Add(agent);
                Console.WriteLine($"download run {run}: agent {Size / MiB / agent:0} MiB/s ({agent:0.00} s), curl {Size / MiB / curl:0} MiB/s ({curl:0.00} s): {curl / agent:P0}");
            }

            var (medianAgent, medianCurl) = (Measures.Median(agentSeconds), Measures.Median(curlSeconds));
            Console.WriteLine($"download, median of {runs}: agent {Size / MiB / medianAgent:0} MiB/s, curl {Size / MiB / medianCurl:0} MiB/s: {medianCurl / medianAgent:P0} of curl");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task MeasureIdleAsync(string agentBinary, string config)
    {
        await using var agent = ChildProcess.Start(agentBinary, ["--config", config]);
        await agent.WaitForAsync("Pending install check", TimeSpan.FromMinutes(1));
        // Settled: the first check (made at once) is done and nothing is due for half an hour.
        await Task.Delay(TimeSpan.FromSeconds(10));
        var cpuBefore = CpuSeconds(agent.Id);
        var rssBefore = StatusKiB(agent.Id, "VmRSS");
        await Task.Delay(IdleWindow);
        var cpu = CpuSeconds(agent.Id) - cpuBefore;
        Console.WriteLine($"agent idle: RSS {rssBefore / 1024.0:0.0} MiB after settling, {StatusKiB(agent.Id, "VmRSS") / 1024.0:0.0} MiB {IdleWindow.TotalSeconds:0} s later "
            + $"(peak {StatusKiB(agent.Id, "VmHWM") / 1024.0:0.0} MiB); CPU {cpu:0.00} s in {IdleWindow.TotalSeconds:0} s = {cpu / IdleWindow.TotalSeconds:P2} of one core");
    }

    private static async Task<double> AgentDownloadAsync(string agentBinary, string config)
    {
        await using var agent = ChildProcess.Start(agentBinary, ["--config", config]);
        await agent.WaitForAsync("Downloaded ", TimeSpan.FromMinutes(5));
        var lines = agent.Lines;
        var start = lines.First(line => line.Line.Contains("Downloading ", StringComparison.Ordinal)).At;
        var end = lines.First(line => line.Line.Contains("Downloaded ", StringComparison.Ordinal)).At;
        var fetched = FetchedLine().Match(agent.Output);
        if (!fetched.Success || long.Parse(fetched.Groups[1].Value, CultureInfo.InvariantCulture) != Size)
        {
            throw new InvalidOperationException($"the agent did not fetch the whole file:\n{agent.Output}");
        }

        return (end - start).TotalSeconds;
    }

    private static async Task<double> CurlAsync(BenchFleet fleet, string config, string url, string output)
    {
        var home = Path.GetDirectoryName(config)!;
        var (_, text) = await ChildProcess.RunAsync("curl", ["--silent", "--show-error", "--fail", "--cert", Path.Combine(home, "device.pem"),
            "--key", Path.Combine(home, "device.key"), "--cacert", fleet.ServerCa, "--output", output, "--write-out", "%{size_download} %{time_total}", url]);
        File.Delete(output);
        var fields = text.Trim().Split(' ');
        return long.Parse(fields[0], CultureInfo.InvariantCulture) == Size
            ? double.Parse(fields[1], CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"curl fetched {fields[0]} bytes of {Size}");
    }

    private static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    private static long StatusKiB(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"Downloaded [0-9a-f-]+: (\d+) of \d+ bytes fetched")]
    private static partial Regex FetchedLine();
}
