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
                .WithCommitted(Source("release-1"), [new PlannedBinary("bin-1", "digest-1", "file", "file:/apps/app", "ab12")], _time), TestContext.Current.CancellationToken);
        }

        using var reopened = StateStore.Open(_directory.Path, NullLogger.Instance);

        Assert.Equal(1, reopened.Current.Generation);
        Assert.True(reopened.Current.Holds("file:/apps/app", "bin-1", "ab12", "digest-1"));
        Assert.False(reopened.Current.Holds("file:/apps/app", "bin-1", "ab12", "other-digest"));
        Assert.False(reopened.Current.Holds("file:/apps/app", "bin-1", "cd34", "digest-1"));
        Assert.False(reopened.Current.Holds("file:/apps/other", "bin-1", "ab12", "digest-1"));
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

    [Fact]
    public async Task Open_StateOfThePreviousAgent_KeepsWhatRunsThePendingInstallAndTheReportsButClaimsNoContent()
    {
        // What the previous agent (schema 2) wrote: a list of every binary it ever installed, with no target or digest.
        const string Old = """
            {
              "schema": 2,
              "generation": 7,
              "running": { "release": "release-1", "bundle": "bundle-1", "release_version": "1.0.0" },
              "installed": {
                "bin-1": { "binary_id": "bin-1", "metadata_digest": "digest-1", "installer": "slot", "installed_at": "2026-01-02T03:04:05+00:00" }
              },
              "pending_commit": {
                "update": { "kind": "Release", "id": "release-2", "bundle_id": "bundle-2", "release_version": "2.0.0" },
                "binaries": [ { "binary_id": "bin-2", "metadata_digest": "digest-2", "installer": "slot" } ],
                "phase": "Committing",
                "boot_attempts": 1,
                "started_at": "2026-01-02T03:04:05+00:00",
                "boot_id": "boot-1"
              },
              "last_failure": null,
              "next_report_sequence": 4,
              "reports": [
                {
                  "report_id": "0194a1b2-0000-7000-8000-000000000003",
                  "sequence": 3,
                  "status": "Installed",
                  "update": { "kind": "Release", "id": "release-2", "bundle_id": "bundle-2", "release_version": "2.0.0" },
                  "reason": null,
                  "detail": "wrote image into slot b",
                  "created_at": "2026-01-02T03:04:05+00:00"
                }
              ]
            }
            """;
        var json = System.Text.Encoding.UTF8.GetBytes(Old);
        var header = System.Text.Encoding.ASCII.GetBytes($"hangar-agent-state sha256={Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(json))}\n");
        File.WriteAllBytes(Path.Combine(_directory.Path, "state.json"), [.. header, .. json]);

        using var store = StateStore.Open(_directory.Path, NullLogger.Instance);

        var state = store.Current;
        Assert.Equal(7, state.Generation);
        Assert.Equal(new RunningSoftware("release-1", "bundle-1", "1.0.0"), state.Running);
        Assert.Empty(state.Contents);
        Assert.Equal((TrialPhase.Committing, "release-2"), (state.PendingCommit!.Phase, state.PendingCommit.Update.Id));
        var report = Assert.Single(state.Reports);
        Assert.Equal((3L, ReportStatus.Installed, false), (report.Sequence, report.Status, report.Retryable));
        Assert.Equal(4, state.NextReportSequence);

        // The old pending install commits, and still nothing is claimed: its binaries name no target or digest.
        var saved = await store.UpdateAsync(current => current.WithCommitted(current.PendingCommit!.Update, current.PendingCommit.Binaries, _time) with { PendingCommit = null },
            TestContext.Current.CancellationToken);
        Assert.Equal((AgentState.CurrentSchema, 8L), (saved.Schema, saved.Generation));
        Assert.Empty(saved.Contents);
        Assert.Equal("release-2", saved.Running!.Release);
        using var reopened = StateStore.Open(_directory.Path, NullLogger.Instance);
        Assert.Equal(8, reopened.Current.Generation);
    }
}
