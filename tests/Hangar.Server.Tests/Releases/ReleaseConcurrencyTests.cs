using Hangar.Contracts.Releases;
using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.Releases;

/// <summary>Graph edits racing each other on one cohort: the cohort's graph lock makes them take turns.</summary>
public abstract class ReleaseConcurrencyTests(ServerFixture fixture)
{
    private const int Appends = 8;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ParallelAppends_ToOneCohort_LeaveOneChainWithExactlyOneLatest()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        await s.ReleaseAsync("first");
        var bundles = new List<Guid>();
        for (var i = 0; i < Appends; i++)
        {
            bundles.Add(await s.BundleAsync());
        }

        await Task.WhenAll(bundles.Select((bundle, i) =>
            s.Client.Releases.CreateAsync(new CreateReleaseRequest($"parallel-{i}", s.CohortId.ToString(), bundle.ToString()), cancellationToken: Cancel)));

        var edges = await s.EdgesAsync();
        Assert.Equal(Appends + 1, edges.Count);
        Assert.Single(edges, e => e.Value is null);
        // A single path: walking from the first release visits every release once and ends at the latest.
        var visited = new List<string> { "first" };
        while (edges[visited[^1]] is { } next)
        {
            Assert.DoesNotContain(next, visited);
            visited.Add(next);
        }

        Assert.Equal(Appends + 1, visited.Count);
    }

    [Fact]
    public async Task ParallelInsertsBeforeTheLatest_AllLandBeforeIt()
    {
        var s = await ReleaseScenario.StartAsync(fixture);
        var latest = await s.ReleaseAsync("latest");
        var bundles = new List<Guid>();
        for (var i = 0; i < Appends; i++)
        {
            bundles.Add(await s.BundleAsync());
        }

        await Task.WhenAll(bundles.Select((bundle, i) => s.Client.Releases.CreateAsync(
            new CreateReleaseRequest($"before-{i}", s.CohortId.ToString(), bundle.ToString(), NextRelease: latest.Id.ToString()), cancellationToken: Cancel)));

        var edges = await s.EdgesAsync();
        Assert.Single(edges, e => e.Value is null);
        Assert.Null(edges["latest"]);
        // Each insert goes right before "latest", so exactly one release points to it and they form one chain into it.
        Assert.Single(edges, e => e.Value == "latest");
        Assert.Equal(Appends, edges.Values.Where(v => v is not null).Distinct().Count());
    }

    public sealed class OnSqlite(SqliteServer fixture) : ReleaseConcurrencyTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : ReleaseConcurrencyTests(fixture);
}
