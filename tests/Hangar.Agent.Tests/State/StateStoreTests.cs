using Hangar.Agent.State;
using Hangar.Agent.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Hangar.Agent.Tests.State;

public sealed class StateStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    public void Dispose() => _directory.Dispose();

    private static UpdateSource Source(string release) => new(UpdateSourceKind.Release, release, "bundle-1", "1.0.0");

    [Fact]
    public async Task Update_ThenReopen_ReadsTheSameState()
    {
        using (var store = StateStore.Open(_directory.Path, NullLogger.Instance))
        {
            await store.UpdateAsync(state => state
                .WithReport(ReportStatus.Committed, Source("release-1"), null, null, _time)
                .WithCommitted(Source("release-1"), [new PlannedBinary("bin-1", "digest-1", "file")], _time), TestContext.Current.CancellationToken);
        }

        using var reopened = StateStore.Open(_directory.Path, NullLogger.Instance);

        Assert.Equal(1, reopened.Current.Generation);
        Assert.True(reopened.Current.IsInstalled("bin-1", "digest-1"));
        Assert.False(reopened.Current.IsInstalled("bin-1", "other-digest"));
        var report = Assert.Single(reopened.Current.Reports);
        Assert.Equal((1, ReportStatus.Committed), (report.Sequence, report.Status));
        Assert.Equal(2, reopened.Current.NextReportSequence);
        Assert.Equal(new RunningSoftware("release-1", "bundle-1", "1.0.0"), reopened.Current.Running);
    }

    [Fact]
    public async Task WithReport_AfterAcknowledgement_NeverReusesASequenceNumber()
    {
        using var store = StateStore.Open(_directory.Path, NullLogger.Instance);
        var first = await store.UpdateAsync(state => state.WithReport(ReportStatus.Downloading, Source("b"), null, null, _time), TestContext.Current.CancellationToken);
        await store.UpdateAsync(state => state.WithoutReports([first.Reports[0].ReportId]), TestContext.Current.CancellationToken);

        var second = await store.UpdateAsync(state => state.WithReport(ReportStatus.Failed, Source("b"), "x", null, _time), TestContext.Current.CancellationToken);

        var report = Assert.Single(second.Reports);
        Assert.Equal(2, report.Sequence);
        Assert.NotEqual(first.Reports[0].ReportId, report.ReportId);
    }

    [Theory]
    [InlineData(AtomicWriteStep.WriteTemporary, false)]
    [InlineData(AtomicWriteStep.FlushTemporary, false)]
    [InlineData(AtomicWriteStep.FlushTemporary, true)]
    [InlineData(AtomicWriteStep.KeepPrevious, false)]
    [InlineData(AtomicWriteStep.RenameIntoPlace, false)]
    [InlineData(AtomicWriteStep.FlushDirectory, false)]
    public async Task Update_PowerLossAtStep_ReopensToTheOldOrTheNewState(AtomicWriteStep step, bool tearTemporary)
    {
        using (var store = StateStore.Open(_directory.Path, NullLogger.Instance))
        {
            await store.UpdateAsync(state => state.WithReport(ReportStatus.Installing, Source("old"), null, null, _time), TestContext.Current.CancellationToken);
        }

        using (var crashing = StateStore.Open(_directory.Path, NullLogger.Instance, (at, path) =>
        {
            if (at == step)
            {
                throw new SimulatedPowerLossException();
            }
        }))
        {
            await Assert.ThrowsAsync<SimulatedPowerLossException>(() =>
                crashing.UpdateAsync(state => state.WithReport(ReportStatus.Committed, Source("new"), null, null, _time), TestContext.Current.CancellationToken));
        }

        var temporary = AtomicFile.TemporaryPath(Path.Combine(_directory.Path, "state.json"));
        if (tearTemporary)
        {
            // Unflushed data may be lost: only part of the new copy reached the disk.
            File.WriteAllBytes(temporary, File.ReadAllBytes(temporary)[..40]);
        }

        using var reopened = StateStore.Open(_directory.Path, NullLogger.Instance);
        var binaries = reopened.Current.Reports.Select(report => report.Update.Id).ToList();
        Assert.True(binaries.SequenceEqual(["old"]) || binaries.SequenceEqual(["old", "new"]), string.Join(",", binaries));
        Assert.Equal(reopened.Current.Reports.Count, reopened.Current.Generation);

        // The store keeps working from there.
        var next = await reopened.UpdateAsync(state => state.WithReport(ReportStatus.Failed, Source("after"), null, null, _time), TestContext.Current.CancellationToken);
        using var again = StateStore.Open(_directory.Path, NullLogger.Instance);
        Assert.Equal(next.Generation, again.Current.Generation);
        Assert.Equal("after", again.Current.Reports[^1].Update.Id);
    }

    [Fact]
    public async Task Open_CorruptedCurrentCopy_FallsBackToThePreviousOne()
    {
        using (var store = StateStore.Open(_directory.Path, NullLogger.Instance))
        {
            await store.UpdateAsync(state => state.WithReport(ReportStatus.Installing, Source("first"), null, null, _time), TestContext.Current.CancellationToken);
            await store.UpdateAsync(state => state.WithReport(ReportStatus.Committed, Source("second"), null, null, _time), TestContext.Current.CancellationToken);
        }

        var path = Path.Combine(_directory.Path, "state.json");
        var bytes = File.ReadAllBytes(path);
        bytes[^5] ^= 0x20;
        File.WriteAllBytes(path, bytes);

        using var reopened = StateStore.Open(_directory.Path, NullLogger.Instance);

        Assert.Equal(1, reopened.Current.Generation);
        Assert.Equal("first", Assert.Single(reopened.Current.Reports).Update.Id);
    }

    [Fact]
    public async Task Open_TruncatedCurrentCopy_FallsBackToThePreviousOne()
    {
        using (var store = StateStore.Open(_directory.Path, NullLogger.Instance))
        {
            await store.UpdateAsync(state => state.WithReport(ReportStatus.Installing, Source("first"), null, null, _time), TestContext.Current.CancellationToken);
            await store.UpdateAsync(state => state.WithReport(ReportStatus.Committed, Source("second"), null, null, _time), TestContext.Current.CancellationToken);
        }

        var path = Path.Combine(_directory.Path, "state.json");
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..100]);

        using var reopened = StateStore.Open(_directory.Path, NullLogger.Instance);

        Assert.Equal(1, reopened.Current.Generation);
    }

    [Fact]
    public async Task Open_EveryCopyUnreadable_StartsEmptyAndKeepsTheEvidence()
    {
        using (var store = StateStore.Open(_directory.Path, NullLogger.Instance))
        {
            await store.UpdateAsync(state => state.WithReport(ReportStatus.Installing, Source("first"), null, null, _time), TestContext.Current.CancellationToken);
            await store.UpdateAsync(state => state.WithReport(ReportStatus.Committed, Source("second"), null, null, _time), TestContext.Current.CancellationToken);
        }

        var path = Path.Combine(_directory.Path, "state.json");
        File.WriteAllText(path, "garbage");
        File.WriteAllText(AtomicFile.PreviousPath(path), "{\"schema\": 1}");

        using var reopened = StateStore.Open(_directory.Path, NullLogger.Instance);

        Assert.Equal(0, reopened.Current.Generation);
        Assert.Empty(reopened.Current.Reports);
        Assert.True(File.Exists(path + ".corrupt"));
        Assert.True(File.Exists(AtomicFile.PreviousPath(path) + ".corrupt"));
    }
}
