using System.Globalization;
using System.Text.RegularExpressions;
using Hangar.Contracts.Firmware;

namespace Hangar.Bench.Firmware;

/// <summary>
/// Upload and download of a 1 GiB binary over loopback against baselines measured in the same run on the same file:
/// upload = `hangar binaries create --file` (the CLI process with its default part size and concurrency: hash the
/// file, upload the parts, server-side re-hash of what is left, fsync, until signable) against `openssl dgst -sha256`;
/// download = curl of Hangar's signed download URL against curl of the same file served by nginx with sendfile, both
/// plain HTTP. The server runs as a separate process; its peak RSS is measured per phase.
/// </summary>
internal static partial class FirmwareTransfer
{
    private const long Size = 1L << 30;
    private const double MiB = 1024 * 1024;

    public static async Task RunAsync(int runs)
    {
        var work = Directory.CreateTempSubdirectory("hangar-bench-firmware-").FullName;
        try
        {
            // nginx's worker runs as an unprivileged user when started by root; the file is random bytes.
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(work, (UnixFileMode)0b111_101_101);
            }

            var file = Path.Combine(work, "binary.img");
            await WriteRandomAsync(file);
            await using var server = await ServerProcess.StartAsync(Path.Combine(work, "data"));
            await using var nginx = await NginxServer.StartFileAsync(file) ?? throw new InvalidOperationException("nginx is not installed (apt-get install nginx)");
            using var http = server.CreateHttpClient();
            var client = new Client.HangarClient(http);
            var artifact = await client.Artifacts.CreateAsync(new CreateArtifactRequest("bench"));
            var idleMiB = server.MemoryMiB();
            var results = new List<TransferRun>();
            for (var run = 1; run <= runs; run++)
            {
                var result = await RunOnceAsync(server, nginx, client, artifact.Id, file, work, run);
                results.Add(result);
                Console.WriteLine(Describe($"firmware run {run}", result));
            }

            Console.WriteLine($"server RSS idle before the runs: {idleMiB:0} MiB");
            Console.WriteLine(Describe($"firmware, median of {runs} runs", Median(results)));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<TransferRun> RunOnceAsync(ServerProcess server, NginxServer nginx, Client.HangarClient client, Guid artifactId, string file, string work, int run)
    {
        var (openssl, opensslCpu, _, _) = await ChildProcess.RunMeasuredAsync("openssl", ["dgst", "-sha256", file]);
        var copy = Path.Combine(work, "dd.img");
        var (disk, _) = await ChildProcess.RunAsync("dd", [$"if={file}", $"of={copy}", "bs=8M", "conv=fsync", "status=none"]);
        File.Delete(copy);

        var version = await client.ArtifactVersions.CreateAsync(new CreateArtifactVersionRequest(artifactId.ToString(), $"run-{run}"));
        server.ResetPeakMemory();
        var serverCpu = server.CpuSeconds();
        var (upload, cliCpu, _, lines) = await ChildProcess.RunMeasuredAsync("dotnet", [BuiltPrograms.Cli, "binaries", "create", "--artifact-version", version.Id.ToString(),
            "--target", "x86_64-unknown-linux-gnu", "--file", file, "-o", "json"], new Dictionary<string, string?>
            {
                ["HANGAR_URL"] = server.AdminUrl.ToString(),
                ["HANGAR_API_KEY"] = server.ApiKey,
                ["HANGAR_CONFIG_DIR"] = Path.Combine(work, "cli"),
            });
        var uploadPeak = server.PeakMemoryMiB();
        serverCpu = server.CpuSeconds() - serverCpu;
        // "sent N bytes in M parts (R MiB/s)" ends the parts phase; R is measured over that phase by the CLI itself.
        var (sentAt, sentLine) = lines.Single(line => SentLine().IsMatch(line.Line));
        var parts = Size / MiB / double.Parse(SentLine().Match(sentLine).Groups[1].Value, CultureInfo.InvariantCulture);
        var binary = (await client.Binaries.ListAsync(new Client.ListOptions(Search: $"artifact_version_id:'{version.Id}'"))).Data.Single();
        if (binary.State != "signable")
        {
            throw new InvalidOperationException($"the upload ended {binary.State}: {binary.LastError}");
        }

        // After signable the server reads the object once more for its SHA-1 and MD5 (for DDI devices), which also puts
        // it in the page cache (its parts were written around it): the download starts after that, so both downloads
        // read cached files, and that pass does not compete with the one measured.
        while ((await client.Binaries.GetAsync(binary.Id.ToString())).Sha1 is null)
        {
            await Task.Delay(50);
        }

        var url = await client.Binaries.GetDownloadUrlAsync(binary.Id.ToString());
        server.ResetPeakMemory();
        var hangar = await CurlAsync(url.Url);
        var downloadPeak = server.PeakMemoryMiB();
        var baseline = await CurlAsync($"http://{nginx.Endpoint}/binary");

        // Deleting the binary deletes its object, so every run stores its bytes anew and the disk stays at one copy.
        await client.Binaries.DeleteAsync(binary.Id.ToString());
        return new TransferRun(openssl.TotalSeconds, disk.TotalSeconds, upload.TotalSeconds, sentAt.TotalSeconds - parts, parts,
            upload.TotalSeconds - sentAt.TotalSeconds, opensslCpu, cliCpu, serverCpu, hangar, baseline, uploadPeak, downloadPeak);
    }

    /// <summary>Seconds curl took to fetch the whole file into /dev/null, after checking it fetched all of it.</summary>
    private static async Task<double> CurlAsync(string url)
    {
        var (_, output) = await ChildProcess.RunAsync("curl", ["--silent", "--show-error", "--fail", "--output", "/dev/null", "--write-out", "%{size_download} %{time_total}", url]);
        var fields = output.Trim().Split(' ');
        return long.Parse(fields[0], CultureInfo.InvariantCulture) == Size
            ? double.Parse(fields[1], CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"curl fetched {fields[0]} bytes of {Size} from {url}");
    }

    private static async Task WriteRandomAsync(string path)
    {
        await Measures.WriteRandomFileAsync(path, Size);
        // On disk before the first run, so its writeback does not compete with what is measured.
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        file.Flush(flushToDisk: true);
    }

    private static TransferRun Median(List<TransferRun> runs)
    {
        double Of(Func<TransferRun, double> field)
        {
            var sorted = runs.Select(field).Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }

        return new TransferRun(Of(r => r.Openssl), Of(r => r.Disk), Of(r => r.Upload), Of(r => r.UploadPrepare), Of(r => r.UploadParts),
            Of(r => r.UploadVerify), Of(r => r.OpensslCpu), Of(r => r.CliCpu), Of(r => r.ServerCpu), Of(r => r.HangarDownload), Of(r => r.NginxDownload), Of(r => r.UploadPeakMiB), Of(r => r.DownloadPeakMiB));
    }

    private static string Describe(string label, TransferRun r)
    {
        static string Rate(double seconds) => $"{Size / MiB / seconds:0} MiB/s ({seconds:0.00} s)";
        return $"""
            {label}:
              upload   {Rate(r.Upload)}: CLI start and hashing {r.UploadPrepare:0.00} s, parts {r.UploadParts:0.00} s, rest of the re-hash and fsync until signable {r.UploadVerify:0.00} s
                       vs openssl dgst -sha256 {Rate(r.Openssl)}: {r.Openssl / r.Upload:P0}; for scale, dd with fsync {Rate(r.Disk)}
                       CPU time: upload {r.CliCpu + r.ServerCpu:0.00} s (CLI {r.CliCpu:0.00} s, server {r.ServerCpu:0.00} s) vs openssl {r.OpensslCpu:0.00} s
              download {Rate(r.HangarDownload)} vs nginx sendfile {Rate(r.NginxDownload)}: {r.NginxDownload / r.HangarDownload:P0}
              server peak RSS: {r.UploadPeakMiB:0} MiB during the upload, {r.DownloadPeakMiB:0} MiB during the download
            """;
    }

    [GeneratedRegex(@"sent \d+ bytes in \d+ parts \(([\d.]+) MiB/s\)")]
    private static partial Regex SentLine();
}
