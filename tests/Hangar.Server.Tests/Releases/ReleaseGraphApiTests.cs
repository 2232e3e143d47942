using System.Net;
using Hangar.Client;
using Hangar.Contracts.Common;
using Hangar.Contracts.Releases;
using Hangar.Core.Resources;
using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.Releases;

/// <summary>Creating and deleting releases: where a new release goes in the graph, how deletes rewire it, and every rule a create or delete can break.</summary>
public abstract class ReleaseGraphApiTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_WithoutNeighbours_AppendsAsLatestAndRewiresTheOldLatest()
    {
        var s = await ReleaseScenario.StartAsync(fixture);

        var chain = await s.ChainAsync(3);

        Assert.Equal(new Dictionary<string, string?> { ["r0"] = "r1", ["r1"] = "r2", ["r2"] = null }, await s.EdgesAsync());
        Assert.Null(chain[0].NextReleaseId);
        Assert.Equal(s.CohortId, chain[2].CohortId);
        Assert.Equal(ResourceName.Format(s.Tenant.OrganizationId, ResourceTypes.Release, chain[2].Id), chain[2].Hrn);
    }

    [Fact]
    public async Task Create_WithNextRelease_InsertsBeforeIt()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var chain = await s.ChainAsync(2);

        var inserted = await s.ReleaseAsync("x", r => r with { NextRelease = chain[1].Hrn });

        Assert.Equal(chain[1].Id, inserted.NextReleaseId);
        Assert.Equal(new Dictionary<string, string?> { ["r0"] = "x", ["x"] = "r1", ["r1"] = null }, await s.EdgesAsync());
    }

    [Fact]
    public async Task Create_WithPreviousRelease_InsertsAfterIt()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var chain = await s.ChainAsync(3);

        await s.ReleaseAsync("x", r => r with { PreviousRelease = chain[0].Id.ToString() });
        await s.ReleaseAsync("y", r => r with { PreviousRelease = chain[2].Id.ToString() });

        Assert.Equal(new Dictionary<string, string?> { ["r0"] = "x", ["x"] = "r1", ["r1"] = "r2", ["r2"] = "y", ["y"] = null }, await s.EdgesAsync());
    }

    [Fact]
    public async Task Create_BetweenAdjacentReleases_InsertsBetweenThem()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var chain = await s.ChainAsync(3);

        await s.ReleaseAsync("x", r => r with { PreviousRelease = chain[1].Id.ToString(), NextRelease = chain[2].Id.ToString() });

        Assert.Equal(new Dictionary<string, string?> { ["r0"] = "r1", ["r1"] = "x", ["x"] = "r2", ["r2"] = null }, await s.EdgesAsync());
    }

    [Fact]
    public async Task Create_BetweenReleasesThatAreNotAdjacent_IsRefusedAndChangesNothing()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var chain = await s.ChainAsync(3);

        await AssertRefusedAsync(s, ErrorCodes.ReleasesNotAdjacent,
            () => s.ReleaseAsync("x", r => r with { PreviousRelease = chain[0].Id.ToString(), NextRelease = chain[2].Id.ToString() }));
    }

    [Fact]
    public async Task Create_NextReleaseOfAnotherCohort_IsRefusedAndChangesNothing()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        await s.ChainAsync(2);
        var other = await s.CohortAsync("beta");
        var foreign = await s.ReleaseAsync("f", cohortId: other);

        await AssertRefusedAsync(s, ErrorCodes.ReleaseNotInCohort, () => s.ReleaseAsync("x", r => r with { NextRelease = foreign.Id.ToString() }));
    }

    [Theory]
    [InlineData("phased latest")]
    [InlineData("tag-phased latest")]
    [InlineData("scheduled latest")]
    public async Task Create_AfterAConstrainedLatest_IsRefusedAndChangesNothing(string latest)
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        await s.ReleaseAsync("r0");
        await s.ReleaseAsync("r1", r => latest switch
        {
            "phased latest" => r with { PhaseValue = 0.25m },
            "tag-phased latest" => r with { PhaseTags = ["canary"] },
            _ => r with { ScheduleDate = TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(7) },
        });

        await AssertRefusedAsync(s, ErrorCodes.ReleaseGraphConstrainedBeforeLatest, () => s.ReleaseAsync("r2"));
    }

    [Fact]
    public async Task Create_PhasedAfterAPhasedLatest_IsRefusedAsASecondPhasedRelease()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        await s.ReleaseAsync("r0", r => r with { PhaseValue = 10m });

        await AssertRefusedAsync(s, ErrorCodes.ReleaseGraphSeveralPhased, () => s.ReleaseAsync("r1", r => r with { PhaseValue = 0.5m }));
    }

    [Fact]
    public async Task Create_PhasedBeforeTheLatest_IsRefusedAndChangesNothing()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var chain = await s.ChainAsync(2);

        await AssertRefusedAsync(s, ErrorCodes.ReleaseGraphConstrainedBeforeLatest,
            () => s.ReleaseAsync("x", r => r with { NextRelease = chain[1].Id.ToString(), PhaseValue = 0.5m }));
    }

    [Fact]
    public async Task Create_ScheduleInThePastBeforeTheLatest_IsAllowedAndScheduleComplete()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var chain = await s.ChainAsync(2);

        var inserted = await s.ReleaseAsync("x", r => r with { NextRelease = chain[1].Id.ToString(), ScheduleDate = TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-1) });

        Assert.True(inserted.ScheduleComplete);
    }

    [Fact]
    public async Task Create_NameTakenInTheCohort_IsAlreadyExists_ButAnotherCohortMayUseIt()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        await s.ReleaseAsync("spring");
        var other = await s.CohortAsync("beta");

        await AssertRefusedAsync(s, ErrorCodes.AlreadyExists, () => s.ReleaseAsync("spring"));
        Assert.Equal("spring", (await s.ReleaseAsync("spring", cohortId: other)).Name);
    }

    [Fact]
    public async Task Create_MalformedFields_AreAllReportedAt400()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var bundle = await s.BundleAsync();

        var error = await Api.ThrowsApiAsync(() => s.Client.Releases.CreateAsync(new CreateReleaseRequest(
            "", "hrn:1:nope", bundle.ToString(),
            PhaseValue: 1.5m, Version: "1.0", VersionRequirement: "=> 1.0.0", HaltFailureRate: 0.2m,
            ScheduleDate: DateTime.SpecifyKind(new DateTime(2030, 1, 1), DateTimeKind.Unspecified)), cancellationToken: Cancel));

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal(ErrorCodes.ValidationFailed, error.Code);
        Assert.Equal(
            ["cohort", "halt_minimum_devices", "name", "phase_value", "schedule_date", "version", "version_requirement"],
            error.Problem!.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(await s.ReleasesAsync());
    }

    [Theory]
    [InlineData("""{"phase_mode":"tags"}""", "phase_tags")]
    [InlineData("""{"phase_tags":["a"],"phase_value":0.5}""", "phase_tags")]
    [InlineData("""{"phase_mode":"numeric","phase_tags":["a"]}""", "phase_tags")]
    [InlineData("""{"phase_mode":"sometimes"}""", "phase_mode")]
    [InlineData("""{"phase_value":2.5}""", "phase_value")]
    [InlineData("""{"phase_value":0.1234567}""", "phase_value")]
    [InlineData("""{"halt_failure_rate":0,"halt_minimum_devices":3}""", "halt_failure_rate")]
    [InlineData("""{"halt_failure_rate":0.5,"halt_minimum_devices":0}""", "halt_minimum_devices")]
    [InlineData("""{"version_requirement":">= 1.0.0","version-requirement":">= 1.0.0"}""", "version-requirement")]
    public async Task Create_InvalidPhaseOrPolicy_IsValidationFailedOnTheField(string extra, string field)
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var bundle = await s.BundleAsync();

        using var response = await s.Tenant.OwnerHttp.PostAsync("api/v1/releases",
            Api.Json($$"""{"name":"x","cohort":"{{s.CohortId}}","bundle":"{{bundle}}",{{extra.Trim('{', '}')}}}"""), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(ErrorCodes.ValidationFailed, problem.Code);
        Assert.Equal([field], problem.Errors!.Keys);
    }

    [Fact]
    public async Task Create_HyphenatedVersionRequirement_IsAccepted()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var bundle = await s.BundleAsync();

        using var response = await s.Tenant.OwnerHttp.PostAsync("api/v1/releases",
            Api.Json($$"""{"name":"x","cohort":"{{s.CohortId}}","bundle":"{{bundle}}","version":"2.0.0","version-requirement":"~> 1.4"}"""), Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("~> 1.4", (await response.JsonAsync()).GetProperty("version_requirement").GetString());
    }

    [Fact]
    public async Task Create_TagPhaseFromTagsAlone_AndFullFieldsRoundTrip()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var schedule = new DateTime(2020, 5, 1, 12, 0, 0, DateTimeKind.Utc);

        var created = await s.ReleaseAsync("full", r => r with
        {
            Description = "spring update",
            Required = true,
            PhaseTags = ["canary", "eu", "canary"],
            Version = "2.1.0-rc.1",
            VersionRequirement = ">= 2.0.0 and < 3.0.0",
            HaltFailureRate = 0.05m,
            HaltMinimumDevices = 20,
            ScheduleDate = schedule,
        });

        Assert.Equal("tags", created.PhaseMode);
        Assert.Equal(["canary", "eu"], created.PhaseTags);
        Assert.Equal(1m, created.PhaseValue);
        Assert.True(created.Required);
        Assert.Equal(0.05m, created.HaltFailureRate);
        Assert.Equal(20, created.HaltMinimumDevices);
        Assert.Equal(schedule, created.ScheduleDate);
        Assert.Equal(ReleaseScenario.Json(created), ReleaseScenario.Json(await s.Client.Releases.GetAsync(created.Id.ToString(), Cancel)));
    }

    [Fact]
    public async Task Create_BundleWithADestroyedBinary_IsUnprocessable()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var binary = await Firmware.FirmwareBuilder.SignedAsync(s.Client, Firmware.FirmwareBuilder.Bytes(1200));
        var bundle = await s.Client.Bundles.CreateAsync(new Contracts.Firmware.CreateBundleRequest([new Contracts.Firmware.BundleEntryRequest(binary.Id.ToString())]), cancellationToken: Cancel);
        await s.Client.Binaries.UpdateAsync(binary.Id.ToString(), new Contracts.Firmware.UpdateBinaryRequest(State: "destroyed"), Cancel);

        var error = await Api.ThrowsApiAsync(() => s.Client.Releases.CreateAsync(new CreateReleaseRequest("x", s.CohortId.ToString(), bundle.Id.ToString()), cancellationToken: Cancel));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.Status);
        Assert.Equal(ErrorCodes.BundleNotDeliverable, error.Code);
    }

    [Fact]
    public async Task Delete_AMiddleRelease_PointsItsPredecessorToItsNext()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var chain = await s.ChainAsync(3);

        await s.Client.Releases.DeleteAsync(chain[1].Id.ToString(), Cancel);

        Assert.Equal(new Dictionary<string, string?> { ["r0"] = "r2", ["r2"] = null }, await s.EdgesAsync());
    }

    [Fact]
    public async Task Delete_TheLatest_MakesItsPredecessorTheLatest()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var chain = await s.ChainAsync(3);

        await s.Client.Releases.DeleteAsync(chain[2].Hrn, Cancel);

        Assert.Equal(new Dictionary<string, string?> { ["r0"] = "r1", ["r1"] = null }, await s.EdgesAsync());
    }

    [Fact]
    public async Task Delete_TheLatestWithTwoPredecessors_IsRefusedAndChangesNothing()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var chain = await s.ChainAsync(3);
        await s.Client.Releases.UpdateAsync(chain[0].Id.ToString(), new UpdateReleaseRequest(NextRelease: chain[2].Id.ToString()), Cancel);

        await AssertRefusedAsync(s, ErrorCodes.ReleaseGraphSeveralLatest, () => s.Client.Releases.DeleteAsync(chain[2].Id.ToString(), Cancel));
    }

    [Fact]
    public async Task Delete_UnknownOrMalformedId_IsNotFound()
    {
        var s = await ReleaseScenario.StartAsync(fixture);

        Assert.Equal(HttpStatusCode.NotFound, (await Api.ThrowsApiAsync(() => s.Client.Releases.DeleteAsync(Guid.CreateVersion7().ToString(), Cancel))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.ThrowsApiAsync(() => s.Client.Releases.DeleteAsync("not-an-id", Cancel))).Status);
    }

    [Fact]
    public async Task CohortAndBundle_UsedByARelease_CannotBeDeletedUntilItIsGone()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var release = await s.ReleaseAsync("r0");

        var cohort = await Api.ThrowsApiAsync(() => s.Client.Cohorts.DeleteAsync(s.CohortId.ToString(), Cancel));
        var bundle = await Api.ThrowsApiAsync(() => s.Client.Bundles.DeleteAsync(release.BundleId.ToString(), Cancel));
        await s.Client.Releases.DeleteAsync(release.Id.ToString(), Cancel);
        await s.Client.Bundles.DeleteAsync(release.BundleId.ToString(), Cancel);
        await s.Client.Cohorts.DeleteAsync(s.CohortId.ToString(), Cancel);

        Assert.Equal((HttpStatusCode.Conflict, ErrorCodes.InUse), (cohort.Status, cohort.Code));
        Assert.Equal((HttpStatusCode.Conflict, ErrorCodes.InUse), (bundle.Status, bundle.Code));
    }

    [Fact]
    public async Task List_SearchesByCohortLatestVersionAndFlags()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        await s.ReleaseAsync("a", r => r with { Version = "1.0.0" });
        await s.ReleaseAsync("b", r => r with { Version = "1.1.0", Required = true });
        await s.ReleaseAsync("c", r => r with { Version = "2.0.0", Disabled = true });

        async Task<List<string>> NamesAsync(string search) =>
            [.. (await s.Client.Releases.ListAsync(new ListOptions(Search: $"cohort_id:'{s.CohortId}' and {search}"), Cancel)).Data.Select(r => r.Name)];

        Assert.Equal(["c"], await NamesAsync("latest:true"));
        Assert.Equal(["b"], await NamesAsync("required:true"));
        Assert.Equal(["c"], await NamesAsync("disabled:true"));
        Assert.Equal(["a", "b"], await NamesAsync("version-'1.'"));
        var invalid = await Api.ThrowsApiAsync(() => s.Client.Releases.ListAsync(new ListOptions(Search: "bundle:'x'"), Cancel));
        Assert.Equal(ErrorCodes.InvalidSearch, invalid.Code);
    }

    [Fact]
    public async Task Changes_RecordReleaseEvents()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var release = await s.ReleaseAsync("evented");
        await s.Client.Releases.UpdateAsync(release.Id.ToString(), new UpdateReleaseRequest(Description: "now described"), Cancel);
        await s.Client.Releases.DeleteAsync(release.Id.ToString(), Cancel);

        var events = await s.Client.Events.ListAsync(new ListOptions(Search: $"resource_id:'{release.Id}'"), Cancel);

        Assert.Equal(["release.created", "release.updated", "release.deleted"], events.Data.Select(e => e.Type));
    }

    /// <summary>The call fails with 409 (or the given code's status) and the cohort's releases are exactly as before.</summary>
    internal static async Task AssertRefusedAsync(ReleaseScenario s, string code, Func<Task> call)
    {
        var before = ReleaseScenario.Json(await s.ReleasesAsync());

        var error = await Api.ThrowsApiAsync(call);

        Assert.Equal(code, error.Code);
        Assert.Equal(HttpStatusCode.Conflict, error.Status);
        Assert.Equal(before, ReleaseScenario.Json(await s.ReleasesAsync()));
    }

    public sealed class OnSqlite(SqliteServer fixture) : ReleaseGraphApiTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : ReleaseGraphApiTests(fixture);
}
