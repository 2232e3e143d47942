using Hangar.Agent.Configuration;
using Hangar.Agent.Telemetry;
using Hangar.Agent.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hangar.Agent.Tests.Telemetry;

/// <summary>Metric scripts run for real: their lines become points; bad lines, slow scripts and floods are contained.</summary>
public sealed class MetricScriptsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Scripts_RunInNameOrder_AndTheirLinesBecomePoints_BadLinesSkipped()
    {
        Scripts.Write(_directory.Combine("20-queue"), "echo 'app.queue_length 12 {item} queue=inbound'\necho 'this is not a metric'\necho '# a comment'");
        Scripts.Write(_directory.Combine("10-up"), "echo 'app.up 1'\necho 'Bad.Name 2'");

        var points = await Collect().CollectAsync(Cancel);

        Assert.Equal(["app.up", "app.queue_length"], points.Select(p => p.Name));
        Assert.Equal("inbound", points[1].Labels!["queue"]);
    }

    [Fact]
    public async Task NonExecutableAndHiddenFiles_AreNotRun()
    {
        Scripts.Write(_directory.Combine(".hidden"), "echo 'app.hidden 1'");
        File.WriteAllText(_directory.Combine("README"), "app.readme 1\n");
        Scripts.Write(_directory.Combine("run"), "echo 'app.ran 1'");

        var points = await Collect().CollectAsync(Cancel);

        Assert.Equal("app.ran", Assert.Single(points).Name);
    }

    [Fact]
    public async Task ScriptOverItsTimeout_IsKilled_AndContributesNothing_TheNextStillRuns()
    {
        Scripts.Write(_directory.Combine("a-slow"), "echo 'app.slow 1'\nsleep 30");
        Scripts.Write(_directory.Combine("b-fast"), "echo 'app.fast 1'");
        var started = System.Diagnostics.Stopwatch.StartNew();

        var points = await Collect(timeoutSeconds: 1).CollectAsync(Cancel);

        Assert.Equal("app.fast", Assert.Single(points).Name);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"took {started.Elapsed}");
    }

    [Fact]
    public async Task OutputOverTheCap_KeepsTheWholeLinesWithinIt()
    {
        // Each line is 11 bytes ("app.n 100X\n" for X in 0-9): 3 fit in 40 bytes, the fourth is cut and dropped.
        Scripts.Write(_directory.Combine("flood"), "i=0\nwhile true; do echo \"app.n 100$((i % 10))\"; i=$((i + 1)); done");

        var points = await Collect(outputBytes: 40).CollectAsync(Cancel);

        Assert.Equal([1000.0, 1001, 1002], points.Select(p => p.Value));
    }

    private MetricScripts Collect(int timeoutSeconds = 10, int outputBytes = 65536) =>
        new(new TelemetryConfig { ScriptsDirectory = _directory.Path, ScriptTimeoutSeconds = timeoutSeconds, ScriptOutputBytes = outputBytes },
            TimeProvider.System, NullLogger<MetricScripts>.Instance);

    public void Dispose() => _directory.Dispose();
}
