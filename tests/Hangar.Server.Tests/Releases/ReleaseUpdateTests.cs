using System.Net;
using Hangar.Contracts.Common;
using Hangar.Contracts.Releases;
using Hangar.Server.Tests.Fixtures;
using static Hangar.Server.Tests.Releases.ReleaseGraphApiTests;

namespace Hangar.Server.Tests.Releases;

/// <summary>PATCH of a release: field changes, edge changes, and every graph rule an update can break (nothing changes then).</summary>
public abstract class ReleaseUpdateTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateTime Now => TimeProvider.System.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Update_NextReleaseClosingALoop_IsRefusedAsACycle()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var chain = await s.ChainAsync(3);

        await AssertRefusedAsync(s, ErrorCodes.ReleaseGraphCycle,
            () => s.Client.Releases.UpdateAsync(chain[2].Id.ToString(), new UpdateReleaseRequest(NextRelease: chain[0].Id.ToString()), Cancel));
    }

    [Fact]
    public async Task Update_NextReleaseInAnotherCohort_IsRefusedAsDangling()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var chain = await s.ChainAsync(2);
        var foreign = await s.ReleaseAsync("f", cohortId: await s.CohortAsync("beta"));

        await AssertRefusedAsync(s, ErrorCodes.ReleaseGraphDanglingNext,
            () => s.Client.Releases.UpdateAsync(chain[0].Id.ToString(), new UpdateReleaseRequest(NextRelease: foreign.Id.ToString()), Cancel));
    }

    [Fact]
    public async Task Update_ClearingTheNextOfANonLatest_IsRefusedAsASecondLatest()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var chain = await s.ChainAsync(3);

        await AssertRefusedAsync(s, ErrorCodes.ReleaseGraphSeveralLatest,
            () => s.Client.Releases.UpdateAsync(chain[1].Id.ToString(), new UpdateReleaseRequest(NextRelease: ""), Cancel));
    }

    [Theory]
    [InlineData("phase")]
    [InlineData("tags")]
    [InlineData("schedule")]
    public async Task Update_ConstrainingANonLatest_IsRefused(string constraint)
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var chain = await s.ChainAsync(2);
        var request = constraint switch
        {
            "phase" => new UpdateReleaseRequest(PhaseValue: 0.1m),
            "tags" => new UpdateReleaseRequest(PhaseTags: ["canary"]),
            _ => new UpdateReleaseRequest(ScheduleDate: Now.AddDays(3)),
        };

        await AssertRefusedAsync(s, ErrorCodes.ReleaseGraphConstrainedBeforeLatest,
            () => s.Client.Releases.UpdateAsync(chain[0].Id.ToString(), request, Cancel));
    }

    [Fact]
    public async Task Update_EnablingAHaltedRelease_IsRefusedInFavourOfResume()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var release = await s.ReleaseAsync("r0");
        await s.Client.Releases.HaltAsync(release.Id.ToString(), new HaltReleaseRequest("bricking devices"), Cancel);

        await AssertRefusedAsync(s, ErrorCodes.ReleaseHalted,
            () => s.Client.Releases.UpdateAsync(release.Id.ToString(), new UpdateReleaseRequest(Disabled: false), Cancel));
    }

    [Fact]
    public async Task Update_RenamingToATakenName_IsAlreadyExists()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var chain = await s.ChainAsync(2);

        await AssertRefusedAsync(s, ErrorCodes.AlreadyExists,
            () => s.Client.Releases.UpdateAsync(chain[1].Id.ToString(), new UpdateReleaseRequest(Name: "r0"), Cancel));
    }

    [Fact]
    public async Task Update_MalformedFields_AreValidationFailedAndChangeNothing()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var release = await s.ReleaseAsync("r0", r => r with { HaltFailureRate = 0.5m, HaltMinimumDevices = 4 });

        var error = await Api.ThrowsApiAsync(() => s.Client.Releases.UpdateAsync(release.Id.ToString(),
            new UpdateReleaseRequest(PhaseMode: "tags", Version: "v2", NextRelease: Guid.CreateVersion7().ToString(), ClearFailurePolicy: true, HaltMinimumDevices: 3), Cancel));

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal(["clear_failure_policy", "next_release", "phase_tags", "version"], error.Problem!.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ReleaseScenario.Json(release), ReleaseScenario.Json(await s.Client.Releases.GetAsync(release.Id.ToString(), Cancel)));
    }

    [Fact]
    public async Task Update_TheLatest_MayBePhasedScheduledAndVersioned_ThenCleared()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var chain = await s.ChainAsync(2);
        var latest = chain[1].Id.ToString();
        var schedule = Now.AddDays(2);

        var phased = await s.Client.Releases.UpdateAsync(latest, new UpdateReleaseRequest(
            Name: "spring", Description: "staged", PhaseValue: 25m, ScheduleDate: schedule, Version: "3.0.0", VersionRequirement: "~> 2.0",
            HaltFailureRate: 0.1m, HaltMinimumDevices: 5, Required: true), Cancel);
        var cleared = await s.Client.Releases.UpdateAsync(latest, new UpdateReleaseRequest(
            Description: "", PhaseValue: 1m, ClearScheduleDate: true, Version: "", VersionRequirement: "", ClearFailurePolicy: true), Cancel);

        Assert.Equal(("spring", "staged", 25m, "numeric"), (phased.Name, phased.Description, phased.PhaseValue, phased.PhaseMode));
        Assert.False(phased.ScheduleComplete);
        Assert.Equal(("3.0.0", "~> 2.0", 0.1m, (int?)5, true), (phased.Version, phased.VersionRequirement, phased.HaltFailureRate, phased.HaltMinimumDevices, phased.Required));
        Assert.Null(cleared.Description);
        Assert.Null(cleared.ScheduleDate);
        Assert.True(cleared.ScheduleComplete);
        Assert.Equal((1m, (string?)null, (string?)null, (decimal?)null, (int?)null), (cleared.PhaseValue, cleared.Version, cleared.VersionRequirement, cleared.HaltFailureRate, cleared.HaltMinimumDevices));
        Assert.Equal("spring", cleared.Name);
        Assert.True(cleared.Required);
    }

    [Fact]
    public async Task Update_SwitchingBetweenTagAndNumericPhases_KeepsOnlyTheModesField()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var release = await s.ReleaseAsync("r0", r => r with { PhaseValue = 0.5m });

        var tagged = await s.Client.Releases.UpdateAsync(release.Id.ToString(), new UpdateReleaseRequest(PhaseTags: ["lab"]), Cancel);
        var numeric = await s.Client.Releases.UpdateAsync(release.Id.ToString(), new UpdateReleaseRequest(PhaseMode: "numeric"), Cancel);

        Assert.Equal(("tags", 1m), (tagged.PhaseMode, tagged.PhaseValue));
        Assert.Equal(["lab"], tagged.PhaseTags);
        Assert.Equal(("numeric", 1m), (numeric.PhaseMode, numeric.PhaseValue));
        Assert.Empty(numeric.PhaseTags);
    }

    [Fact]
    public async Task Update_RepointingAnEdge_LeavesAValidGraph()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var chain = await s.ChainAsync(3);

        await s.Client.Releases.UpdateAsync(chain[0].Id.ToString(), new UpdateReleaseRequest(NextRelease: chain[2].Hrn), Cancel);

        Assert.Equal(new Dictionary<string, string?> { ["r0"] = "r2", ["r1"] = "r2", ["r2"] = null }, await s.EdgesAsync());
    }

    public sealed class OnSqlite(SqliteServer fixture) : ReleaseUpdateTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : ReleaseUpdateTests(fixture);
}
