using Hangar.Contracts.Devices;
using Hangar.Data;
using Hangar.Data.Devices;
using Hangar.Data.Tenancy;
using Hangar.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Organizations;

/// <summary>The tenant of a unit of work: set once, read by the named query filter, skipped only by name.</summary>
public abstract class TenantContextTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void Set_ASecondTime_Throws_AndKeepsTheFirst()
    {
        var tenant = new TenantContext();
        var first = Guid.CreateVersion7();
        tenant.Set(first);

        Assert.Throws<InvalidOperationException>(() => tenant.Set(Guid.CreateVersion7()));
        Assert.Throws<InvalidOperationException>(() => tenant.Set(first));
        Assert.Equal(first, tenant.OrganizationId);
    }

    [Fact]
    public async Task ContextsOfOneScope_ShareItsTenant()
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var organizationId = Guid.CreateVersion7();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(organizationId);

        Assert.Equal(organizationId, scope.ServiceProvider.GetRequiredService<HangarDbContext>().Tenant.OrganizationId);
        await using var other = fixture.Server.Services.CreateAsyncScope();
        Assert.Null(other.ServiceProvider.GetRequiredService<HangarDbContext>().Tenant.OrganizationId);
    }

    [Fact]
    public async Task TenantFilter_IsNamed_HidesOtherOrganizations_AndOnlyItsNamedOptOutShowsThem()
    {
        var mine = await fixture.NewTenantAsync();
        var theirs = await fixture.NewTenantAsync();
        var myProduct = await mine.Owner.Products.CreateAsync(new CreateProductRequest("mine"), cancellationToken: Cancel);
        var theirProduct = await theirs.Owner.Products.CreateAsync(new CreateProductRequest("theirs"), cancellationToken: Cancel);
        Guid[] both = [myProduct.Id, theirProduct.Id];
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();

        var unset = await db.Products.Where(p => both.Contains(p.Id)).Select(p => p.Id).ToListAsync(Cancel);
        db.Tenant.Set(mine.OrganizationId);
        var filtered = await db.Products.Where(p => both.Contains(p.Id)).Select(p => p.Id).ToListAsync(Cancel);
        var optedOut = await db.Products.IgnoreQueryFilters([TenantFilter.Name]).Where(p => both.Contains(p.Id)).Select(p => p.Id).ToListAsync(Cancel);
        var otherNameOptedOut = await db.Products.IgnoreQueryFilters(["SomethingElse"]).Where(p => both.Contains(p.Id)).Select(p => p.Id).ToListAsync(Cancel);

        Assert.Empty(unset);
        Assert.Equal([myProduct.Id], filtered);
        Assert.Equal(both.Order(), optedOut.Order());
        Assert.Equal([myProduct.Id], otherNameOptedOut);
        var filter = Assert.Single(db.Model.FindEntityType(typeof(Product))!.GetDeclaredQueryFilters());
        Assert.Equal(TenantFilter.Name, filter.Key);
    }

    public sealed class OnSqlite(SqliteServer fixture) : TenantContextTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : TenantContextTests(fixture);
}
