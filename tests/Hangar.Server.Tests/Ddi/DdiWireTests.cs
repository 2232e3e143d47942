using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Hangar.Contracts.Releases;
using Hangar.Server.Tests.Fixtures;
using Hangar.Server.Tests.Updates;

namespace Hangar.Server.Tests.Ddi;

/// <summary>
/// hawkBit's DDI wire contract, with a client certificate on the device listener and with a target token on the DDI
/// listener: the poll, the deployment and its artifact compared with hawkBit's documented examples, feedback mapped onto
/// the update states, a cancel and its feedback, installedBase, and the status codes clients rely on.
/// </summary>
public abstract class DdiWireTests(DdiServer fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DdiWireClient.Certificate)]
    [InlineData(DdiWireClient.Token)]
    public async Task PollAndDeployment_HaveHawkBitsDocumentedShape_AndTheArtifactMatchesItsHashes(string credential)
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var bundle = await fleet.BundleAsync(size: 3000);
        await fleet.ReleaseAsync("r2", bundle, required: true, version: "2.0.0", versionRequirement: ">= 1.0.0");
        var (device, ddi) = await DdiWireClient.CreateAsync(fixture, fleet, $"wire-shape-{credential}", credential);
        using var deviceHttp = device;
        using var client = ddi;

        using var first = await ddi.GetAsync();
        var poll = await first.JsonAsync();
        HawkBitShape.AssertMatches(HawkBitShape.Example("controller-base.json"), poll);
        Assert.Equal(["deploymentBase", "configData"], poll.GetProperty("_links").EnumerateObject().Select(l => l.Name));
        var deploymentHref = poll.GetProperty("_links").GetProperty("deploymentBase").GetProperty("href").GetString()!;
        Assert.Matches($@"/controller/v1/{ddi.Controller.Split('/')[^1]}/deploymentBase/\d+\?c=[0-9a-f]+$", deploymentHref);
        using (var again = new HttpRequestMessage(HttpMethod.Get, ddi.Url("")) { Headers = { IfNoneMatch = { first.Headers.ETag! } } })
        using (var unchanged = await ddi.Http.SendAsync(again, Cancel))
        {
            Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        }

        var deployment = await ddi.JsonAsync(deploymentHref);
        HawkBitShape.AssertMatches(HawkBitShape.Example("deployment-base.json"), deployment);
        Assert.EndsWith("/deploymentBase/" + deployment.GetProperty("id").GetString() + "?", deploymentHref[..(deploymentHref.IndexOf('?', StringComparison.Ordinal) + 1)], StringComparison.Ordinal);
        var body = deployment.GetProperty("deployment");
        Assert.Equal(("forced", "forced"), (body.GetProperty("download").GetString(), body.GetProperty("update").GetString()));
        Assert.False(deployment.TryGetProperty("actionHistory", out _));
        var artifact = Assert.Single(Assert.Single(body.GetProperty("chunks").EnumerateArray()).GetProperty("artifacts").EnumerateArray());
        Assert.Equal(3000, artifact.GetProperty("size").GetInt64());
        var suffix = credential == DdiWireClient.Token ? "-http" : "";
        Assert.Equal(["download" + suffix, "md5sum" + suffix], artifact.GetProperty("_links").EnumerateObject().Select(l => l.Name));
        var download = artifact.GetProperty("_links").GetProperty("download" + suffix).GetProperty("href").GetString()!;
        Assert.Matches(@"/softwaremodules/\d+/artifacts/[^/]+$", download);

        var content = await ddi.Http.GetByteArrayAsync(download, Cancel);
        var hashes = artifact.GetProperty("hashes");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), hashes.GetProperty("sha256").GetString());
        Assert.Equal(LegacyDigests.Of(content), (hashes.GetProperty("sha1").GetString(), hashes.GetProperty("md5").GetString()));
        using var range = new HttpRequestMessage(HttpMethod.Get, download) { Headers = { Range = new RangeHeaderValue(2500, null) } };
        using (var partial = await ddi.Http.SendAsync(range, Cancel))
        {
            Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
            Assert.Equal(content[2500..], await partial.Content.ReadAsByteArrayAsync(Cancel));
        }

        var md5sum = await ddi.Http.GetStringAsync(artifact.GetProperty("_links").GetProperty("md5sum" + suffix).GetProperty("href").GetString(), Cancel);
        Assert.Equal($"{hashes.GetProperty("md5").GetString()}  {artifact.GetProperty("filename").GetString()}\n", md5sum);
        var listed = await ddi.JsonAsync(download[..download.LastIndexOf('/')]);
        HawkBitShape.AssertMatches(body.GetProperty("chunks")[0].GetProperty("artifacts"), listed);

        // actionHistory=n adds hawkBit's status word and messages.
        using (await ddi.FeedbackAsync(AsResource(deploymentHref), "proceeding", details: "Started download"))
        {
        }

        var history = (await ddi.JsonAsync(deploymentHref + "&actionHistory=5")).GetProperty("actionHistory");
        HawkBitShape.AssertMatches(HawkBitShape.Example("deployment-base.json").GetProperty("actionHistory"), history);
        Assert.Equal(("DOWNLOAD", "Started download"), (history.GetProperty("status").GetString(), Assert.Single(history.GetProperty("messages").EnumerateArray()).GetString()));
    }

    [Theory]
    [InlineData(DdiWireClient.Certificate)]
    [InlineData(DdiWireClient.Token)]
    public async Task Feedback_KeepsProgress_ClosedSuccessCommits_ThenInstalledBase_AndLaterFeedbackIsGone(string credential)
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var release = await fleet.ReleaseAsync("r2", await fleet.BundleAsync(), version: "2.0.0", versionRequirement: ">= 1.0.0");
        var (device, ddi) = await DdiWireClient.CreateAsync(fixture, fleet, $"wire-fb-{credential}", credential);
        using var deviceHttp = device;
        using var client = ddi;
        var action = AsResource(await LinkAsync(ddi, "deploymentBase"));
        Assert.Equal("attempt", (await ddi.JsonAsync(action)).GetProperty("deployment").GetProperty("download").GetString());

        using (var progress = await ddi.FeedbackAsync(action, "proceeding", progress: """{"cnt":2,"of":5}""", details: "Downloading chunk 2/5"))
        {
            Assert.Equal(HttpStatusCode.OK, progress.StatusCode);
        }

        var update = Assert.Single((await fleet.Tenant.Owner.Devices.ListUpdatesAsync(device.Id, cancellationToken: Cancel)).Data);
        Assert.Equal(("downloading", 40), (update.State, update.Progress));

        using (var closed = await ddi.FeedbackAsync(action, "closed", "success", details: "Installed"))
        {
            Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        }

        Assert.Equal("committed", Assert.Single((await fleet.Tenant.Owner.Devices.ListUpdatesAsync(device.Id, cancellationToken: Cancel)).Data).State);
        var reported = await fleet.Tenant.Owner.Devices.GetAsync(device.Id, Cancel);
        Assert.Equal((release.Id, "2.0.0"), (reported.ReportedReleaseId, reported.ReportedReleaseVersion));

        var poll = await ddi.JsonAsync();
        Assert.False(poll.GetProperty("_links").TryGetProperty("deploymentBase", out _));
        var installed = poll.GetProperty("_links").GetProperty("installedBase").GetProperty("href").GetString()!;
        Assert.EndsWith(action.Replace("deploymentBase", "installedBase", StringComparison.Ordinal), installed, StringComparison.Ordinal);
        HawkBitShape.AssertMatches(HawkBitShape.Example("deployment-base.json"), await ddi.JsonAsync(installed));

        // A closed action takes no more feedback (hawkBit: 410 Gone for an action no longer active), nor a cancel.
        using (var late = await ddi.FeedbackAsync(action, "proceeding"))
        {
            Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
            Assert.Equal("update_transition_invalid", (await late.ProblemAsync()).Code);
        }

        using var cancel = await ddi.GetAsync(action.Replace("deploymentBase", "cancelAction", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
    }

    [Fact]
    public async Task Feedback_ClosedFailure_FailsTheUpdateWithTheLastDetailAsReason()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        await fleet.ReleaseAsync("r2", await fleet.BundleAsync(), version: "2.0.0", versionRequirement: ">= 1.0.0");
        var (device, ddi) = await DdiWireClient.CreateAsync(fixture, fleet, "wire-fail", DdiWireClient.Token);
        using var deviceHttp = device;
        using var client = ddi;
        var action = AsResource(await LinkAsync(ddi, "deploymentBase"));

        using (var failed = await ddi.FeedbackAsync(action, "closed", "failure", details: ["Writing image", "Image invalid or corrupted"]))
        {
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        var update = Assert.Single((await fleet.Tenant.Owner.Devices.ListUpdatesAsync(device.Id, cancellationToken: Cancel)).Data);
        Assert.Equal(("failed", "Image invalid or corrupted"), (update.State, update.Reason));
        using var invalid = await ddi.Http.PostAsync(ddi.Url(action + "/feedback"), Api.Json("""{"status":{"execution":"finished"}}"""), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [Theory]
    [InlineData(DdiWireClient.Certificate)]
    [InlineData(DdiWireClient.Token)]
    public async Task HaltedRelease_IsACancelAction_ItsFeedbackAbortsIt_AndDeploymentFeedbackIsGone(string credential)
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var release = await fleet.ReleaseAsync("r2", await fleet.BundleAsync(), version: "2.0.0", versionRequirement: ">= 1.0.0");
        var (device, ddi) = await DdiWireClient.CreateAsync(fixture, fleet, $"wire-cancel-{credential}", credential);
        using var deviceHttp = device;
        using var client = ddi;
        var action = AsResource(await LinkAsync(ddi, "deploymentBase"));

        await fleet.Tenant.Owner.Releases.HaltAsync(release.Id.ToString(), new HaltReleaseRequest("bricking devices"), Cancel);

        var cancelHref = await LinkAsync(ddi, "cancelAction");
        var cancelAction = action.Replace("deploymentBase", "cancelAction", StringComparison.Ordinal);
        Assert.EndsWith(cancelAction, cancelHref, StringComparison.Ordinal);
        var cancel = await ddi.JsonAsync(cancelHref);
        HawkBitShape.AssertMatches(HawkBitShape.Example("cancel-action.json"), cancel);
        Assert.Equal(cancel.GetProperty("id").GetString(), cancel.GetProperty("cancelAction").GetProperty("stopId").GetString());

        // The server aborted it: installing it now is "gone".
        using (var installing = await ddi.FeedbackAsync(action, "proceeding"))
        {
            Assert.Equal(HttpStatusCode.Gone, installing.StatusCode);
            Assert.Equal("update_aborted", (await installing.ProblemAsync()).Code);
        }

        using (var accepted = await ddi.FeedbackAsync(cancelAction, "closed", "success"))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        Assert.Equal("aborted", Assert.Single((await fleet.Tenant.Owner.Devices.ListUpdatesAsync(device.Id, cancellationToken: Cancel)).Data).State);
        Assert.False((await ddi.JsonAsync()).GetProperty("_links").TryGetProperty("cancelAction", out _));
        using var acknowledged = await ddi.GetAsync(cancelAction);
        Assert.Equal(HttpStatusCode.NotFound, acknowledged.StatusCode);
    }

    [Theory]
    [InlineData(DdiWireClient.Certificate)]
    [InlineData(DdiWireClient.Token)]
    public async Task UnknownOrForeignActionsModulesAndControllers_Are404(string credential)
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        await fleet.ReleaseAsync("r2", await fleet.BundleAsync(), version: "2.0.0", versionRequirement: ">= 1.0.0");
        var (device, ddi) = await DdiWireClient.CreateAsync(fixture, fleet, $"wire-404-{credential}", credential);
        // Another organization's device, offered another bundle: its action and module ids are not this device's.
        var otherFleet = await UpdateFleet.CreateAsync(fixture);
        await otherFleet.ReleaseAsync("r2", await otherFleet.BundleAsync(), version: "2.0.0", versionRequirement: ">= 1.0.0");
        var (other, otherDdi) = await DdiWireClient.CreateAsync(fixture, otherFleet, $"wire-404-other-{credential}", credential);
        using var deviceHttp = device;
        using var client = ddi;
        using var otherHttp = other;
        using var otherClient = otherDdi;
        var foreign = AsResource(await LinkAsync(otherDdi, "deploymentBase"));
        var foreignModule = (await otherDdi.JsonAsync(foreign)).GetProperty("deployment").GetProperty("chunks")[0].GetProperty("artifacts")[0]
            .GetProperty("_links").EnumerateObject().First().Value.GetProperty("href").GetString()!;

        foreach (var path in new[] { "deploymentBase/12345", foreign, foreign.Replace("deploymentBase", "installedBase", StringComparison.Ordinal),
                     "cancelAction/12345", foreignModule[foreignModule.IndexOf("softwaremodules", StringComparison.Ordinal)..] })
        {
            using var response = await ddi.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        }

        using (var feedback = await ddi.FeedbackAsync(foreign, "proceeding"))
        {
            Assert.Equal(HttpStatusCode.NotFound, feedback.StatusCode);
        }

        // Another organization's controller path with this device's credential: 404 for a certificate (the device learns
        // nothing about others), 401 for a target token (a token names one controller; docs/ddi.md).
        using var otherPath = await ddi.Http.GetAsync(otherDdi.Controller, Cancel);
        Assert.Equal(credential == DdiWireClient.Certificate ? HttpStatusCode.NotFound : HttpStatusCode.Unauthorized, otherPath.StatusCode);
        using var unknown = await ddi.Http.GetAsync(ddi.Controller + "-unknown", Cancel);
        Assert.Equal(credential == DdiWireClient.Certificate ? HttpStatusCode.NotFound : HttpStatusCode.Unauthorized, unknown.StatusCode);
    }

    [Fact]
    public async Task WrongToken_Is401()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var (device, ddi) = await DdiWireClient.CreateAsync(fixture, fleet, "wire-401", DdiWireClient.Token);
        using var deviceHttp = device;
        using var client = ddi;
        using var wrong = new HttpClient(new SocketsHttpHandler(), disposeHandler: true) { BaseAddress = fixture.DdiBaseAddress };
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("TargetToken", "not-a-token-of-anyone");

        using var refused = await wrong.GetAsync(ddi.Controller, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("device_unauthenticated", (await refused.ProblemAsync()).Code);
    }

    /// <summary>A poll's link of <paramref name="relation"/>.</summary>
    private static async Task<string> LinkAsync(DdiWireClient ddi, string relation)
    {
        var links = (await ddi.JsonAsync()).GetProperty("_links");
        Assert.True(links.TryGetProperty(relation, out var link), $"no {relation} in {links}");
        return link.GetProperty("href").GetString()!;
    }

    /// <summary><c>deploymentBase/{id}</c> of a link, without its host, controller path and query.</summary>
    private static string AsResource(string href)
    {
        var path = new Uri(href).AbsolutePath;
        return path[(path.IndexOf("/deploymentBase/", StringComparison.Ordinal) + 1)..];
    }

    public sealed class OnSqlite(DdiSqliteServer fixture) : DdiWireTests(fixture), IClassFixture<DdiSqliteServer>;

    public sealed class OnPostgres(DdiPostgresServer fixture) : DdiWireTests(fixture), IClassFixture<DdiPostgresServer>;
}
