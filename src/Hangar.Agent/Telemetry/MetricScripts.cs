using System.Diagnostics;
using System.Text;
using Hangar.Agent.Configuration;
using Hangar.Contracts.Telemetry;
using Microsoft.Extensions.Logging;

namespace Hangar.Agent.Telemetry;

/// <summary>
/// Runs each executable of <c>telemetry.scripts_directory</c> (in name order, one at a time, never through a shell)
/// and reads its standard output as metric lines (<see cref="MetricLine"/>). A script that outlives
/// <c>telemetry.script_timeout_seconds</c> is killed and contributes nothing; output past
/// <c>telemetry.script_output_bytes</c> is ignored; a bad line is skipped and logged. Standard error goes to the
/// agent's own, so a script's complaints land in the agent's log.
/// </summary>
internal sealed class MetricScripts(TelemetryConfig config, TimeProvider time, ILogger<MetricScripts> logger)
{
    private const UnixFileMode Executable = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    public async Task<List<MetricPointRequest>> CollectAsync(CancellationToken cancellationToken)
    {
        var points = new List<MetricPointRequest>();
        if (config.ScriptsDirectory is not { } directory || !Directory.Exists(directory))
        {
            return points;
        }

        foreach (var script in Directory.GetFiles(directory).Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(script).StartsWith('.') || !IsExecutable(script))
            {
                continue;
            }

            var output = await RunAsync(script, cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var line in output?.Split('\n') ?? [])
            {
                if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
                {
                    continue;
                }

                if (MetricLine.Parse(line, now, out var error) is { } point)
                {
                    points.Add(point);
                }
                else
                {
                    logger.LogWarning("Metric script {Script}: skipped the line '{Line}': {Reason}", script, Shorten(line), error);
                }
            }
        }

        return points;
    }

    /// <summary>The script's whole lines within the output cap, or null when it could not run or timed out.</summary>
    private async Task<string?> RunAsync(string script, CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = new ProcessStartInfo(script) { RedirectStandardOutput = true, UseShellExecute = false } };
        try
        {
            process.Start();
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            logger.LogWarning("Metric script {Script} could not start: {Reason}", script, exception.Message);
            return null;
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(config.ScriptTimeoutSeconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var (output, truncated) = await ReadCappedAsync(process.StandardOutput.BaseStream, config.ScriptOutputBytes, linked.Token);
            if (truncated)
            {
                logger.LogWarning("Metric script {Script} printed more than {Bytes} bytes: the rest is ignored", script, config.ScriptOutputBytes);
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync(linked.Token);
            if (process.ExitCode != 0)
            {
                logger.LogWarning("Metric script {Script} exited with code {ExitCode}", script, process.ExitCode);
            }

            return output;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            logger.LogWarning("Metric script {Script} ran longer than {Seconds} s: killed, its output ignored", script, config.ScriptTimeoutSeconds);
            return null;
        }
    }

    /// <summary>Reads up to <paramref name="cap"/> bytes, keeping only whole lines when the output goes past it.</summary>
    private static async Task<(string Output, bool Truncated)> ReadCappedAsync(Stream stream, int cap, CancellationToken cancellationToken)
    {
        var buffer = new byte[cap + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        if (length <= cap)
        {
            return (Encoding.UTF8.GetString(buffer, 0, length), false);
        }

        var lastNewline = Array.LastIndexOf(buffer, (byte)'\n', cap - 1);
        return (Encoding.UTF8.GetString(buffer, 0, lastNewline + 1), true);
    }

    private static bool IsExecutable(string path) =>
        OperatingSystem.IsWindows() ? path.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) : (File.GetUnixFileMode(path) & Executable) != 0;

    private static string Shorten(string line) => line.Length > 120 ? line[..120] + "…" : line;
}
