using System.Net;
using Hangar.Client;
using Hangar.Contracts.Access;
using Hangar.Contracts.Common;
using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.Lists;

public abstract class SearchTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Operators_FilterAsDocumented()
    {
        var tenant = await fixture.NewTenantAsync();
        foreach (var name in new[] { "Edge Gateway", "edge sensor", "Cloud relay" })
        {
            await tenant.Owner.ApiKeys.CreateAsync(new CreateApiKeyRequest(name, "viewer"), cancellationToken: Cancel);
        }

        Assert.Equal(["Edge Gateway"], await NamesAsync(tenant, "name:'Edge Gateway'"));
        Assert.Equal(["Edge Gateway", "edge sensor"], await NamesAsync(tenant, "name-'EDGE'"));
        Assert.Equal(["edge sensor"], await NamesAsync(tenant, "name~'edge'"));
        Assert.Equal(["Cloud relay"], await NamesAsync(tenant, "name<'E'"));
        Assert.Equal(["edge sensor"], await NamesAsync(tenant, "name~'edge' and revoked:false"));
        Assert.Empty(await NamesAsync(tenant, "name~'edge' and created_at<'2000-01-01T00:00:00Z'"));
        Assert.Equal(3, (await NamesAsync(tenant, "role:'viewer' and created_at>='2000-01-01T00:00:00Z'")).Count);
    }

    [Theory]
    [InlineData("'; DROP TABLE api_keys; --")]
    [InlineData("%' OR '1'='1")]
    [InlineData("\\\\' OR 1=1 --")]
    public async Task SqlLikeValues_AreJustText(string value)
    {
        var tenant = await fixture.NewTenantAsync();
        await tenant.Owner.ApiKeys.CreateAsync(new CreateApiKeyRequest("plain", "viewer"), cancellationToken: Cancel);
        var quoted = "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

        Assert.Empty(await NamesAsync(tenant, "name~" + quoted));
        Assert.Contains("plain", await NamesAsync(tenant, "name:'plain'"));
    }

    [Theory]
    [InlineData("secret_hash:'x'")]
    [InlineData("organization_id:'00000000-0000-0000-0000-000000000000'")]
    [InlineData("name")]
    [InlineData("name:'a' or name:'b'")]
    [InlineData("name:'unterminated")]
    [InlineData("revoked~'tr'")]
    [InlineData("created_at>'yesterday'")]
    [InlineData("a:1 and b:2 and c:3 and d:4 and e:5 and f:6")]
    public async Task InvalidSearches_AreClear400s(string search)
    {
        var tenant = await fixture.NewTenantAsync();
        var error = await Api.ThrowsApiAsync(() => tenant.Owner.ApiKeys.ListAsync(new ListOptions(Search: search), Cancel));
        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal(ErrorCodes.InvalidSearch, error.Code);
        Assert.StartsWith("Invalid search: ", error.Problem!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownField_NamesTheAllowedOnes()
    {
        var tenant = await fixture.NewTenantAsync();
        var error = await Api.ThrowsApiAsync(() => tenant.Owner.Members.ListAsync(new ListOptions(Search: "password:'x'"), Cancel));
        Assert.Contains("allowed: email, name, role, created_at", error.Problem!.Detail, StringComparison.Ordinal);
    }

    private static async Task<List<string>> NamesAsync(Tenant tenant, string search) =>
        (await tenant.Owner.ApiKeys.ListAsync(new ListOptions(Limit: 100, Search: search), Cancel)).Data
            .Select(k => k.Name).Where(n => n != $"initial key for {n}" && !n.StartsWith("initial key", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    public sealed class OnSqlite(SqliteServer fixture) : SearchTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : SearchTests(fixture);
}
