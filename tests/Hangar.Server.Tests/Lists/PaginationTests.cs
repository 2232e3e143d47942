using System.Net;
using Hangar.Client;
using Hangar.Contracts.Access;
using Hangar.Contracts.Common;
using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.Lists;

public abstract class PaginationTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pages_WalkEveryRowOnce_InCreationOrder_BothDirections()
    {
        var tenant = await fixture.NewTenantAsync();
        var created = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            created.Add((await tenant.Owner.ApiKeys.CreateAsync(new CreateApiKeyRequest($"page-{i}", "viewer"), cancellationToken: Cancel)).Key.Id);
        }

        var ascending = await WalkAsync(tenant.Owner, "asc", limit: 5, search: "name~'page-'");
        Assert.Equal(created, ascending);
        var descending = await WalkAsync(tenant.Owner, "desc", limit: 5, search: "name~'page-'");
        Assert.Equal(Enumerable.Reverse(created), descending);
    }

    [Fact]
    public async Task Cursor_StaysStable_WhileRowsAreInsertedConcurrently()
    {
        var tenant = await fixture.NewTenantAsync();
        var original = new List<Guid>();
        for (var i = 0; i < 15; i++)
        {
            original.Add((await tenant.Owner.ApiKeys.CreateAsync(new CreateApiKeyRequest($"orig{i}", "viewer"), cancellationToken: Cancel)).Key.Id);
        }

        var seen = new List<Guid>();
        string? page = null;
        var inserted = 0;
        do
        {
            var result = await tenant.Owner.ApiKeys.ListAsync(new ListOptions(Limit: 4, Page: page), Cancel);
            seen.AddRange(result.Data.Select(k => k.Id));
            page = result.NextPage;
            // Writers race the reader between pages.
            await Task.WhenAll(Enumerable.Range(0, 3).Select(n =>
                tenant.Owner.ApiKeys.CreateAsync(new CreateApiKeyRequest($"new{inserted}-{n}", "viewer"), cancellationToken: Cancel)));
            inserted++;
        }
        while (page is not null);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(original, seen.Where(original.Contains).ToList());
        Assert.Equal(seen.Order().ToList(), seen);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=1000", "limit")]
    [InlineData("order=sideways", "order")]
    public async Task OutOfRangeParameters_AreValidationErrors(string query, string field)
    {
        var tenant = await fixture.NewTenantAsync();
        using var response = await tenant.OwnerHttp.GetAsync($"api/v1/api_keys?{query}", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(ErrorCodes.ValidationFailed, problem.Code);
        Assert.True(problem.Errors!.ContainsKey(field));
    }

    [Fact]
    public async Task NonNumericLimit_IsABadRequest()
    {
        var tenant = await fixture.NewTenantAsync();
        using var response = await tenant.OwnerHttp.GetAsync("api/v1/api_keys?limit=ten", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ErrorCodes.InvalidParameter, (await response.ProblemAsync()).Code);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("YzF8YXwxMjM")]
    [InlineData("%27%20OR%201%3D1%20--")]
    public async Task MalformedCursor_IsRejected(string cursor)
    {
        var tenant = await fixture.NewTenantAsync();
        using var response = await tenant.OwnerHttp.GetAsync($"api/v1/api_keys?page={cursor}", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ErrorCodes.InvalidCursor, (await response.ProblemAsync()).Code);
    }

    [Fact]
    public async Task Cursor_FromAnotherQueryOrOrder_IsRejected()
    {
        var tenant = await fixture.NewTenantAsync();
        for (var i = 0; i < 3; i++)
        {
            await tenant.Owner.ApiKeys.CreateAsync(new CreateApiKeyRequest($"c{i}", "viewer"), cancellationToken: Cancel);
        }

        var first = await tenant.Owner.ApiKeys.ListAsync(new ListOptions(Limit: 1, Search: "name~'c'"), Cancel);
        Assert.NotNull(first.NextPage);
        foreach (var options in new[] { new ListOptions(Limit: 1, Page: first.NextPage), new ListOptions(Limit: 1, Page: first.NextPage, Search: "name~'c'", Order: "desc") })
        {
            var error = await Api.ThrowsApiAsync(() => tenant.Owner.ApiKeys.ListAsync(options, Cancel));
            Assert.Equal(ErrorCodes.InvalidCursor, error.Code);
        }
    }

    private static async Task<List<Guid>> WalkAsync(HangarClient client, string order, int limit, string search)
    {
        var ids = new List<Guid>();
        string? page = null;
        do
        {
            var result = await client.ApiKeys.ListAsync(new ListOptions(limit, order, page, search), Cancel);
            Assert.True(result.Data.Count <= limit);
            ids.AddRange(result.Data.Select(k => k.Id));
            page = result.NextPage;
        }
        while (page is not null);
        return ids;
    }

    public sealed class OnSqlite(SqliteServer fixture) : PaginationTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : PaginationTests(fixture);
}
