using System.Net;
using Hangar.Client;
using Hangar.Contracts.Access;
using Hangar.Contracts.Audit;
using Hangar.Contracts.Common;
using Hangar.Contracts.Organizations;
using Hangar.Core.Access;
using Hangar.Data;
using Hangar.Data.Tenancy;
using Hangar.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Audit;

public abstract class AuditTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EachMutation_WritesExactlyOneRow_WithItsRequestId_AndReadsWriteNone()
    {
        var tenant = await fixture.NewTenantAsync();
        var before = await AllAsync(tenant.Owner);

        using var create = await tenant.OwnerHttp.PostAsync("api/v1/api_keys", Api.Json("""{"name":"audited","role":"viewer"}"""), Cancel);
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        var requestId = Assert.Single(create.Headers.GetValues(HangarHeaders.RequestId));
        var keyId = (await create.JsonAsync()).GetProperty("key").GetProperty("id").GetGuid();
        using var read1 = await tenant.OwnerHttp.GetAsync("api/v1/api_keys", Cancel);
        using var read2 = await tenant.OwnerHttp.GetAsync($"api/v1/api_keys/{keyId}", Cancel);
        using var read3 = await tenant.OwnerHttp.GetAsync("api/v1/members", Cancel);

        var after = await AllAsync(tenant.Owner);
        var added = after.Where(a => before.All(b => b.Id != a.Id)).ToList();
        var row = Assert.Single(added);
        Assert.Equal(requestId, row.RequestId);
        Assert.Equal("api_key.create", row.Action);
        Assert.Equal("success", row.Outcome);
        Assert.Equal(201, row.StatusCode);
        Assert.Equal("api_key", row.ResourceType);
        Assert.Equal(keyId, row.ResourceId);
        Assert.Equal("api_key", row.ActorType);
        Assert.Equal("127.0.0.1", row.ClientAddress);
    }

    [Fact]
    public async Task RejectedAndDeniedMutations_AreAuditedWithTheirOutcome()
    {
        var tenant = await fixture.NewTenantAsync();
        var viewer = fixture.Server.CreateHttpClient(await tenant.KeyAsync(Role.Viewer));
        var before = await AllAsync(tenant.Owner);

        using var invalid = await tenant.OwnerHttp.PostAsync("api/v1/api_keys", Api.Json("""{"name":"","role":"viewer"}"""), Cancel);
        using var denied = await viewer.PostAsync("api/v1/api_keys", Api.Json("""{"name":"x","role":"viewer"}"""), Cancel);
        using var missing = await tenant.OwnerHttp.DeleteAsync($"api/v1/members/{Guid.CreateVersion7()}", Cancel);

        var added = (await AllAsync(tenant.Owner)).Where(a => before.All(b => b.Id != a.Id)).ToList();
        Assert.Equal(3, added.Count);
        Assert.Contains(added, a => a.RequestId == RequestId(invalid) && a.Outcome == "failed" && a.StatusCode == 400);
        Assert.Contains(added, a => a.RequestId == RequestId(denied) && a.Outcome == "denied" && a.StatusCode == 403);
        Assert.Contains(added, a => a.RequestId == RequestId(missing) && a.Outcome == "failed" && a.StatusCode == 404);
    }

    [Fact]
    public async Task RowsNeverContainSecrets()
    {
        var tenant = await fixture.NewTenantAsync();
        var created = await tenant.Owner.ApiKeys.CreateAsync(new CreateApiKeyRequest("secretive", "viewer"), cancellationToken: Cancel);
        using var list = await tenant.OwnerHttp.GetAsync("api/v1/audit?limit=100", Cancel);
        var text = await list.Content.ReadAsStringAsync(Cancel);
        Assert.DoesNotContain(created.Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Secret[("hgr_".Length + created.Key.Prefix.Length + 1)..], text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoRoute_CanChangeOrDeleteAuditRows()
    {
        foreach (var route in RouteCatalog.AdminApi(fixture.Server.Services).Where(r => r.Pattern.StartsWith("/api/v1/audit", StringComparison.Ordinal)))
        {
            Assert.False(route.IsMutation, $"{route} may change audit rows");
        }
    }

    [Fact]
    public async Task Database_RefusesToUpdateOrDeleteAuditRows()
    {
        var tenant = await fixture.NewTenantAsync();
        await tenant.KeyAsync(Role.Viewer);
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        var rows = db.AuditEntries.IgnoreQueryFilters([TenantFilter.Name]).Where(a => a.OrganizationId == tenant.OrganizationId);
        Assert.True(await rows.AnyAsync(Cancel));

        await Assert.ThrowsAnyAsync<Exception>(() => rows.ExecuteUpdateAsync(s => s.SetProperty(a => a.Outcome, "tampered"), Cancel));
        await Assert.ThrowsAnyAsync<Exception>(() => rows.ExecuteDeleteAsync(Cancel));
        Assert.DoesNotContain(await rows.Select(a => a.Outcome).ToListAsync(Cancel), o => o == "tampered");
    }

    [Fact]
    public async Task Search_ByActionAndOutcome_FindsTheRows()
    {
        var tenant = await fixture.NewTenantAsync();
        await tenant.Owner.Organizations.UpdateAsync(tenant.OrganizationId.ToString(), new UpdateOrganizationRequest("renamed once"), Cancel);

        var found = await tenant.Owner.Audit.ListAsync(new ListOptions(Search: "action:'organization.update' and outcome:'success'"), Cancel);
        var row = Assert.Single(found.Data);
        Assert.Equal(tenant.OrganizationId, row.ResourceId);
        Assert.Equal(row, await tenant.Owner.Audit.GetAsync(row.Hrn, Cancel));
    }

    [Fact]
    public async Task Search_WithAFractionalNumber_ComparesAsWritten()
    {
        var tenant = await fixture.NewTenantAsync();
        await tenant.Owner.Organizations.UpdateAsync(tenant.OrganizationId.ToString(), new UpdateOrganizationRequest("renamed for 200"), Cancel);
        await tenant.Owner.ApiKeys.CreateAsync(new CreateApiKeyRequest("for 201", "viewer"), cancellationToken: Cancel);

        async Task<List<int>> StatusesAsync(string search) =>
            [.. (await tenant.Owner.Audit.ListAsync(new ListOptions(Limit: 100, Search: search), Cancel)).Data.Select(a => a.StatusCode).Order()];

        Assert.Equal([201], await StatusesAsync("status_code>=200.5"));
        Assert.Equal([200], await StatusesAsync("status_code<=200.5"));
        Assert.Equal([200, 201], await StatusesAsync("status_code>199.5 and status_code<201.5"));
        Assert.Empty(await StatusesAsync("status_code:200.5"));
    }

    private static string RequestId(HttpResponseMessage response) => response.Headers.GetValues(HangarHeaders.RequestId).Single();

    private static async Task<List<AuditEntryResponse>> AllAsync(HangarClient client)
    {
        var all = new List<AuditEntryResponse>();
        string? page = null;
        do
        {
            var result = await client.Audit.ListAsync(new ListOptions(Limit: 100, Page: page), Cancel);
            all.AddRange(result.Data);
            page = result.NextPage;
        }
        while (page is not null);
        return all;
    }

    public sealed class OnSqlite(SqliteServer fixture) : AuditTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : AuditTests(fixture);
}
