using System.Net;
using Hangar.Client;
using Hangar.Contracts.Access;
using Hangar.Contracts.Common;
using Hangar.Contracts.Organizations;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Events;
using Hangar.Server.Features.Events;
using Hangar.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Events;

public abstract class EventLogTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreatingAndRevokingAnApiKey_RecordsEvents_WithActorResourceAndNoSecret()
    {
        var tenant = await fixture.NewTenantAsync();
        var me = await tenant.Owner.Users.MeAsync(Cancel);
        var created = await tenant.Owner.ApiKeys.CreateAsync(new CreateApiKeyRequest("ci", "operator"), cancellationToken: Cancel);
        await tenant.Owner.ApiKeys.RevokeAsync(created.Key.Id.ToString(), Cancel);

        var events = (await tenant.Owner.Events.ListAsync(new ListOptions(Search: $"resource_id:'{created.Key.Id}'"), Cancel)).Data;
        Assert.Equal(["api_key.created", "api_key.revoked"], events.Select(e => e.Type));
        var first = events[0];
        Assert.Equal("api_key", first.ActorType);
        Assert.Equal(me.ApiKeyId, first.ActorId);
        Assert.Equal(ResourceTypes.ApiKey, first.ResourceType);
        Assert.Equal(created.Key.Hrn, first.ResourceHrn);
        Assert.Equal(ResourceName.Format(tenant.OrganizationId, ResourceTypes.Event, first.Id), first.Hrn);
        Assert.Equal("operator", first.Data.GetProperty("role").GetString());
        Assert.Equal(created.Key.Prefix, first.Data.GetProperty("prefix").GetString());
        Assert.DoesNotContain(created.Secret, first.Data.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(first, await tenant.Owner.Events.GetAsync(first.Hrn, Cancel), EventComparer.Instance);
    }

    [Fact]
    public async Task MemberChanges_AndOrganizationRename_RecordTheirEvents()
    {
        var tenant = await fixture.NewTenantAsync();
        var added = await tenant.Owner.Members.AddAsync(new AddMemberRequest($"m-{Guid.CreateVersion7():N}@example.com", "viewer"), cancellationToken: Cancel);
        await tenant.Owner.Members.UpdateAsync(added.Member.Id.ToString(), new UpdateMemberRequest("operator"), Cancel);
        await tenant.Owner.Members.UpdateAsync(added.Member.Id.ToString(), new UpdateMemberRequest("operator"), Cancel);
        await tenant.Owner.Members.RemoveAsync(added.Member.Id.ToString(), Cancel);
        await tenant.Owner.Organizations.UpdateAsync(tenant.OrganizationId.ToString(), new UpdateOrganizationRequest("renamed"), Cancel);

        var member = (await tenant.Owner.Events.ListAsync(new ListOptions(Search: $"resource_type:'member' and resource_id:'{added.Member.Id}'"), Cancel)).Data;
        // The second update changed nothing, so it is no event.
        Assert.Equal(["member.added", "member.updated", "member.removed"], member.Select(e => e.Type));
        Assert.Equal("viewer", member[1].Data.GetProperty("previous_role").GetString());
        Assert.Equal("operator", member[1].Data.GetProperty("role").GetString());
        var renamed = Assert.Single((await tenant.Owner.Events.ListAsync(new ListOptions(Search: "type:'organization.updated'"), Cancel)).Data);
        Assert.Equal("renamed", renamed.Data.GetProperty("name").GetString());
        Assert.Equal(tenant.OrganizationId, renamed.ResourceId);
    }

    [Fact]
    public async Task RejectedChange_RecordsNoEvent()
    {
        var tenant = await fixture.NewTenantAsync();
        var owner = (await tenant.Owner.Members.ListAsync(cancellationToken: Cancel)).Data.Single();

        var error = await Api.ThrowsApiAsync(() => tenant.Owner.Members.UpdateAsync(owner.Id.ToString(), new UpdateMemberRequest("viewer"), Cancel));
        Assert.Equal(ErrorCodes.LastOwner, error.Code);
        Assert.Empty((await tenant.Owner.Events.ListAsync(new ListOptions(Search: "type-'member'"), Cancel)).Data);
    }

    [Fact]
    public async Task List_FiltersByTypeActorAndTime_AndPagesWithCursors()
    {
        var tenant = await fixture.NewTenantAsync();
        var before = TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await tenant.Owner.ApiKeys.CreateAsync(new CreateApiKeyRequest($"k{i}", "viewer"), cancellationToken: Cancel)).Key.Id);
        }

        var actor = (await tenant.Owner.Users.MeAsync(Cancel)).ApiKeyId;
        var seen = new List<Guid>();
        string? page = null;
        do
        {
            var result = await tenant.Owner.Events.ListAsync(
                new ListOptions(Limit: 2, Page: page, Search: $"type:'api_key.created' and actor_id:'{actor}' and time>='{before}'"), Cancel);
            seen.AddRange(result.Data.Select(e => e.ResourceId));
            page = result.NextPage;
        }
        while (page is not null);

        Assert.Equal(ids, seen);
        Assert.Empty((await tenant.Owner.Events.ListAsync(new ListOptions(Search: "time<'2000-01-01T00:00:00Z'"), Cancel)).Data);
        var invalid = await Api.ThrowsApiAsync(() => tenant.Owner.Events.ListAsync(new ListOptions(Search: "data:'x'"), Cancel));
        Assert.Equal(ErrorCodes.InvalidSearch, invalid.Code);
    }

    [Fact]
    public async Task UnknownEvent_IsNotFound()
    {
        var tenant = await fixture.NewTenantAsync();
        var error = await Api.ThrowsApiAsync(() => tenant.Owner.Events.GetAsync(Guid.CreateVersion7().ToString(), Cancel));
        Assert.Equal(HttpStatusCode.NotFound, error.Status);
    }

    [Fact]
    public async Task Retention_DeletesOnlyEventsOlderThanTheWindow()
    {
        var tenant = await fixture.NewTenantAsync();
        var recent = (await tenant.Owner.Events.ListAsync(cancellationToken: Cancel)).Data.Single();
        var old = new Event
        {
            Id = Guid.CreateVersion7(TimeProvider.System.GetUtcNow().AddDays(-100)),
            OrganizationId = tenant.OrganizationId,
            Type = "api_key.created",
            Time = TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-100),
            ActorType = "system",
            ResourceType = ResourceTypes.ApiKey,
            ResourceId = Guid.CreateVersion7(),
            Data = "{}",
        };
        await using (var scope = fixture.Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
            db.Events.Add(old);
            await db.SaveChangesAsync(Cancel);
        }

        await fixture.Server.Services.GetRequiredService<EventRetention>().DeleteExpiredAsync(Cancel);

        var remaining = (await tenant.Owner.Events.ListAsync(cancellationToken: Cancel)).Data.Select(e => e.Id).ToList();
        Assert.Equal([recent.Id], remaining);
    }

    public sealed class OnSqlite(SqliteServer fixture) : EventLogTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : EventLogTests(fixture);
}
