using System.Net;
using Hangar.Client;
using Hangar.Contracts.Common;
using Hangar.Contracts.Releases;
using Hangar.Core.Releases;
using Hangar.Data;
using Hangar.Data.Releases;
using Hangar.Data.Tenancy;
using Hangar.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hangar.Server.Tests.Releases.ReleaseGraphApiTests;

namespace Hangar.Server.Tests.Releases;

/// <summary>Halting, resuming and rolling back a rollout, and its statistics.</summary>
public abstract class ReleaseRolloutTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Halt_DisablesKeepsTheReasonAndRecordsTheEvent_AndAgainChangesNothing()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var release = await s.ReleaseAsync("r0");

        var halted = await s.Client.Releases.HaltAsync(release.Id.ToString(), new HaltReleaseRequest("  boot loops on rev B  "), Cancel);
        var again = await s.Client.Releases.HaltAsync(release.Id.ToString(), new HaltReleaseRequest("second thoughts"), Cancel);

        Assert.True(halted.Disabled);
        Assert.NotNull(halted.HaltedAt);
        Assert.Equal("boot loops on rev B", halted.HaltReason);
        Assert.Equal(ReleaseScenario.Json(halted), ReleaseScenario.Json(again));
        var events = await EventsAsync(s, release.Id, "release.halted");
        var data = Assert.Single(events).Data;
        Assert.False(data.GetProperty("automatic").GetBoolean());
        Assert.Equal("boot loops on rev B", data.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Halt_WithoutAReason_IsValidationFailed()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var release = await s.ReleaseAsync("r0");

        var error = await Api.ThrowsApiAsync(() => s.Client.Releases.HaltAsync(release.Id.ToString(), new HaltReleaseRequest(" "), Cancel));

        Assert.Equal(ErrorCodes.ValidationFailed, error.Code);
        Assert.Null((await s.Client.Releases.GetAsync(release.Id.ToString(), Cancel)).HaltedAt);
    }

    [Fact]
    public async Task Resume_ClearsTheHaltAndEnables_AndRecordsTheEvent()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var release = await s.ReleaseAsync("r0");
        await s.Client.Releases.HaltAsync(release.Id.ToString(), new HaltReleaseRequest("investigating"), Cancel);

        var resumed = await s.Client.Releases.ResumeAsync(release.Hrn, Cancel);
        var again = await s.Client.Releases.ResumeAsync(release.Hrn, Cancel);

        Assert.False(resumed.Disabled);
        Assert.Null(resumed.HaltedAt);
        Assert.Null(resumed.HaltReason);
        Assert.Equal(ReleaseScenario.Json(resumed), ReleaseScenario.Json(again));
        Assert.Single(await EventsAsync(s, release.Id, "release.resumed"));
    }

    [Fact]
    public async Task Rollback_HaltsTheLatestAndAppendsARequiredReleaseOfThePreviousBundle()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var previous = await s.ReleaseAsync("r0");
        var bad = await s.ReleaseAsync("r1", r => r with { PhaseValue = 0.5m, Version = "2.0.0", VersionRequirement = ">= 1.0.0", HaltFailureRate = 0.1m, HaltMinimumDevices = 3 });

        var rollback = await s.Client.Releases.RollbackAsync(bad.Id.ToString(), new RollbackReleaseRequest("fails health checks"), cancellationToken: Cancel);

        Assert.Equal("r1-rollback", rollback.Name);
        Assert.Equal(previous.BundleId, rollback.BundleId);
        Assert.Equal(bad.Id, rollback.RollbackOfReleaseId);
        Assert.True(rollback.Required);
        Assert.Null(rollback.NextReleaseId);
        Assert.Null(rollback.Version);
        Assert.Null(rollback.VersionRequirement);
        Assert.Equal(("numeric", 1m), (rollback.PhaseMode, rollback.PhaseValue));
        var rolledBack = await s.Client.Releases.GetAsync(bad.Id.ToString(), Cancel);
        Assert.Equal(rollback.Id, rolledBack.NextReleaseId);
        Assert.True(rolledBack.Disabled);
        Assert.False(rolledBack.Required);
        Assert.Equal("fails health checks", rolledBack.HaltReason);
        Assert.Equal(("numeric", 1m), (rolledBack.PhaseMode, rolledBack.PhaseValue));
        Assert.Equal(new Dictionary<string, string?> { ["r0"] = "r1", ["r1"] = "r1-rollback", ["r1-rollback"] = null }, await s.EdgesAsync());
        Assert.Single(await EventsAsync(s, bad.Id, "release.rolled_back"));
        Assert.Single(await EventsAsync(s, bad.Id, "release.halted"));
        Assert.Single(await EventsAsync(s, rollback.Id, "release.created"));
    }

    [Fact]
    public async Task Rollback_OfAnAlreadyHaltedRelease_KeepsTheFirstHalt()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        await s.ReleaseAsync("r0");
        var bad = await s.ReleaseAsync("r1");
        await s.Client.Releases.HaltAsync(bad.Id.ToString(), new HaltReleaseRequest("failure policy tripped"), Cancel);

        await s.Client.Releases.RollbackAsync(bad.Id.ToString(), new RollbackReleaseRequest("going back"), cancellationToken: Cancel);

        Assert.Equal("failure policy tripped", (await s.Client.Releases.GetAsync(bad.Id.ToString(), Cancel)).HaltReason);
        Assert.Single(await EventsAsync(s, bad.Id, "release.halted"));
    }

    [Fact]
    public async Task Rollback_ToANamedRelease_UsesItsBundle_AndMakesTheNameUnique()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var oldest = await s.ReleaseAsync("r0");
        await s.ReleaseAsync("r1-rollback");
        var bad = await s.ReleaseAsync("r1");

        var rollback = await s.Client.Releases.RollbackAsync(bad.Hrn, new RollbackReleaseRequest("two steps back", ToRelease: oldest.Hrn), cancellationToken: Cancel);

        Assert.Equal("r1-rollback-2", rollback.Name);
        Assert.Equal(oldest.BundleId, rollback.BundleId);
    }

    [Fact]
    public async Task Rollback_WithSeveralPredecessors_GoesBackToTheNewestOne()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var chain = await s.ChainAsync(3);
        await s.Client.Releases.UpdateAsync(chain[0].Id.ToString(), new UpdateReleaseRequest(NextRelease: chain[2].Id.ToString()), Cancel);

        var rollback = await s.Client.Releases.RollbackAsync(chain[2].Id.ToString(), new RollbackReleaseRequest("bad"), cancellationToken: Cancel);

        Assert.Equal(chain[1].BundleId, rollback.BundleId);
    }

    [Fact]
    public async Task Rollback_OfANonLatestRelease_IsRefusedAndChangesNothing()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var chain = await s.ChainAsync(3);

        await AssertRefusedAsync(s, ErrorCodes.ReleaseNotLatest,
            () => s.Client.Releases.RollbackAsync(chain[1].Id.ToString(), new RollbackReleaseRequest("bad"), cancellationToken: Cancel));
    }

    [Fact]
    public async Task Rollback_OfTheOnlyRelease_HasNoTarget()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var only = await s.ReleaseAsync("r0");

        await AssertRefusedAsync(s, ErrorCodes.NoRollbackTarget,
            () => s.Client.Releases.RollbackAsync(only.Id.ToString(), new RollbackReleaseRequest("bad"), cancellationToken: Cancel));
    }

    [Fact]
    public async Task Rollback_ToAReleaseOfAnotherCohort_IsRefused()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var chain = await s.ChainAsync(2);
        var foreign = await s.ReleaseAsync("f", cohortId: await s.CohortAsync("beta"));

        await AssertRefusedAsync(s, ErrorCodes.ReleaseNotInCohort, () => s.Client.Releases.RollbackAsync(
            chain[1].Id.ToString(), new RollbackReleaseRequest("bad", ToRelease: foreign.Id.ToString()), cancellationToken: Cancel));
    }

    [Fact]
    public async Task Stats_CountDevicesPerStateClaimsCapacityAndTheFailureRate_OfTerminalFailures()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var release = await s.ReleaseAsync("r0", r => r with { PhaseValue = 0.5m });
        UpdateState[] states =
        [
            UpdateState.Offered, UpdateState.Downloading, UpdateState.Installed, UpdateState.Committed, UpdateState.Committed,
            UpdateState.Committed, UpdateState.Failed, UpdateState.RolledBack, UpdateState.Aborted,
            UpdateState.Failed, UpdateState.Failed,
        ];
        // The last two failed said they would retry: the first just now (retrying), the second before the retry window.
        var retryable = states.Length - 2;
        var devices = new List<Guid>();
        for (var i = 0; i < states.Length + 2; i++)
        {
            devices.Add((await s.DeviceAsync($"dev-{i}")).Id);
        }

        await using (var scope = fixture.Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            db.DeviceUpdates.AddRange(states.Select((state, i) => new DeviceUpdate
            {
                Id = Guid.CreateVersion7(),
                OrganizationId = s.Tenant.OrganizationId,
                DeviceId = devices[i],
                ReleaseId = release.Id,
                BundleId = release.BundleId,
                State = state,
                Retryable = i >= retryable,
                OfferedAt = now.AddHours(-3),
                FinishedAt = state.IsFinal() ? (i == retryable + 1 ? now.AddHours(-2) : now) : null,
                UpdatedAt = now,
            }));
            await db.SaveChangesAsync(Cancel);
            await db.Releases.IgnoreQueryFilters([TenantFilter.Name]).Where(r => r.Id == release.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.PhaseClaimCount, 4), Cancel);
        }

        var stats = await s.Client.Releases.StatsAsync(release.Id.ToString(), Cancel);

        Assert.Equal(11, stats.DevicesOffered);
        Assert.Equal(new Dictionary<string, int>
        {
            ["offered"] = 1,
            ["downloading"] = 1,
            ["downloaded"] = 0,
            ["installing"] = 0,
            ["installed"] = 1,
            ["committed"] = 3,
            ["failed"] = 3,
            ["rolled_back"] = 1,
            ["aborted"] = 1,
        }, stats.States);
        Assert.Equal(1, stats.Retrying);
        Assert.Equal((4, 13, 6L), (stats.PhaseClaims, stats.CohortDevices, stats.PhaseCapacity!.Value));
        Assert.Equal(6, stats.Finished);
        Assert.Equal(0.5m, stats.FailureRate);
        Assert.False(stats.Halted);
    }

    [Fact]
    public async Task Stats_OfAReleaseNobodyWasOffered_HasNoFailureRate_AndTagPhasesNoCapacity()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var release = await s.ReleaseAsync("r0", r => r with { PhaseTags = ["lab"] });

        var stats = await s.Client.Releases.StatsAsync(release.Hrn, Cancel);

        Assert.Equal(0, stats.DevicesOffered);
        Assert.All(stats.States.Values, count => Assert.Equal(0, count));
        Assert.Null(stats.FailureRate);
        Assert.Null(stats.PhaseCapacity);
    }

    [Fact]
    public async Task Delete_TakesTheReleasesClaimsAndDeviceUpdatesWithIt()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var release = await s.ReleaseAsync("r0", r => r with { PhaseValue = 5m });
        var device = await s.DeviceAsync("dev-1");
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        db.PhaseClaims.Add(new PhaseClaim { ReleaseId = release.Id, DeviceId = device.Id, OrganizationId = s.Tenant.OrganizationId, ClaimedAt = now });
        db.DeviceUpdates.Add(new DeviceUpdate
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = s.Tenant.OrganizationId,
            DeviceId = device.Id,
            ReleaseId = release.Id,
            BundleId = release.BundleId,
            State = UpdateState.Installing,
            OfferedAt = now,
            UpdatedAt = now,
        });
        await db.SaveChangesAsync(Cancel);

        await s.Client.Releases.DeleteAsync(release.Id.ToString(), Cancel);

        Assert.False(await db.PhaseClaims.IgnoreQueryFilters([TenantFilter.Name]).AnyAsync(c => c.ReleaseId == release.Id, Cancel));
        Assert.False(await db.DeviceUpdates.IgnoreQueryFilters([TenantFilter.Name]).AnyAsync(u => u.ReleaseId == release.Id, Cancel));
        Assert.Equal(HttpStatusCode.NotFound, (await Api.ThrowsApiAsync(() => s.Client.Releases.StatsAsync(release.Id.ToString(), Cancel))).Status);
    }

    private static async Task<IReadOnlyList<Contracts.Events.EventResponse>> EventsAsync(ReleaseScenario s, Guid resourceId, string type) =>
        (await s.Client.Events.ListAsync(new ListOptions(Search: $"resource_id:'{resourceId}' and type:'{type}'"), Cancel)).Data;

    public sealed class OnSqlite(SqliteServer fixture) : ReleaseRolloutTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : ReleaseRolloutTests(fixture);
}
