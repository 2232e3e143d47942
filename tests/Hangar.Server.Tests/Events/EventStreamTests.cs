using System.Net;
using Hangar.Client;
using Hangar.Contracts.Access;
using Hangar.Contracts.Common;
using Hangar.Contracts.Events;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Events;
using Hangar.Server.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Events;

public abstract class EventStreamTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stream_ResumedWithLastEventId_ContinuesWithoutGapsOrDuplicates()
    {
        var tenant = await fixture.NewTenantAsync();
        var start = (await tenant.Owner.Events.ListAsync(cancellationToken: Cancel)).Data.Single();
        var keys = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            keys.Add((await tenant.Owner.ApiKeys.CreateAsync(new CreateApiKeyRequest($"a{i}", "viewer"), cancellationToken: Cancel)).Key.Id);
        }

        var firstTwo = await ReadAsync(tenant, start.Id, count: 2);
        // Disconnected: more happens meanwhile.
        for (var i = 0; i < 3; i++)
        {
            keys.Add((await tenant.Owner.ApiKeys.CreateAsync(new CreateApiKeyRequest($"b{i}", "viewer"), cancellationToken: Cancel)).Key.Id);
        }

        var rest = await ReadAsync(tenant, firstTwo[^1].Id, count: 4);

        Assert.Equal(keys, firstTwo.Concat(rest).Select(e => e.ResourceId));
        var all = (await tenant.Owner.Events.ListAsync(new ListOptions(Search: "type:'api_key.created'"), Cancel)).Data.Skip(1).Select(e => e.Id);
        Assert.Equal(all, firstTwo.Concat(rest).Select(e => e.Id));
    }

    [Fact]
    public async Task Stream_DeliversEventsCommittedElsewhere_WithoutAnInProcessSignal()
    {
        var tenant = await fixture.NewTenantAsync();
        var start = (await tenant.Owner.Events.ListAsync(cancellationToken: Cancel)).Data.Single();
        var reading = ReadAsync(tenant, start.Id, count: 1);

        // Written straight to the table, as another node would: nothing in this process is told.
        var foreign = new Event
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = tenant.OrganizationId,
            Type = "member.added",
            Time = DateTime.SpecifyKind(DateTimeOffset.FromUnixTimeMilliseconds(TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds()).UtcDateTime, DateTimeKind.Utc),
            ActorType = "system",
            ResourceType = ResourceTypes.Member,
            ResourceId = Guid.CreateVersion7(),
            Data = """{"from":"node-b"}""",
        };
        await using (var scope = fixture.Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
            db.Events.Add(foreign);
            await db.SaveChangesAsync(Cancel);
        }

        var received = Assert.Single(await reading);
        Assert.Equal(foreign.Id, received.Id);
        Assert.Equal("node-b", received.Data.GetProperty("from").GetString());
    }

    [Fact]
    public async Task Stream_FilteredByType_SendsOnlyThatType()
    {
        var tenant = await fixture.NewTenantAsync();
        var start = (await tenant.Owner.Events.ListAsync(cancellationToken: Cancel)).Data.Single();
        var key = await tenant.Owner.ApiKeys.CreateAsync(new CreateApiKeyRequest("k", "viewer"), cancellationToken: Cancel);
        await tenant.Owner.ApiKeys.RevokeAsync(key.Key.Id.ToString(), Cancel);

        var received = await ReadAsync(tenant, start.Id, count: 1, search: "type:'api_key.revoked'");

        Assert.Equal(key.Key.Id, Assert.Single(received).ResourceId);
        Assert.Equal("api_key.revoked", received[0].Type);
    }

    [Fact]
    public async Task Stream_WithoutLastEventId_DeliversEventsCommittedAfterConnecting()
    {
        var tenant = await fixture.NewTenantAsync();
        await using var stream = tenant.Owner.Events.StreamAsync("type:'member.added'", cancellationToken: Cancel).GetAsyncEnumerator(Cancel);
        var moving = stream.MoveNextAsync();
        var added = await tenant.Owner.Members.AddAsync(new AddMemberRequest($"s-{Guid.CreateVersion7():N}@example.com", "viewer"), cancellationToken: Cancel);

        Assert.True(await moving);
        Assert.Equal(added.Member.Id, stream.Current.ResourceId);
    }

    [Fact]
    public async Task Stream_WithoutLastEventId_AnnouncesWhereItStarts_SoAReconnectBeforeTheFirstEventMissesNothing()
    {
        var tenant = await fixture.NewTenantAsync();
        var announced = new TaskCompletionSource<Guid>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (var dropped = CancellationTokenSource.CreateLinkedTokenSource(Cancel))
        {
            var reading = Task.Run(async () =>
            {
                await foreach (var _ in tenant.Owner.Events.StreamAsync("type:'member.added'", position: p => announced.TrySetResult(p), cancellationToken: dropped.Token))
                {
                }
            }, Cancel);
            var position = await announced.Task.WaitAsync(TimeSpan.FromSeconds(30), Cancel);
            Assert.NotEqual(Guid.Empty, position);
            // The connection drops before any event came.
            await dropped.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
        }

        // Meanwhile something happens; it is delivered after a reconnect from the announced position.
        var added = await tenant.Owner.Members.AddAsync(new AddMemberRequest($"r-{Guid.CreateVersion7():N}@example.com", "viewer"), cancellationToken: Cancel);
        var resumed = await ReadAsync(tenant, await announced.Task, count: 1, search: "type:'member.added'");

        Assert.Equal(added.Member.Id, Assert.Single(resumed).ResourceId);
    }

    [Theory]
    [InlineData("last_event_id=nope")]
    [InlineData("search=secret:'x'")]
    public async Task Stream_WithBadParameters_Answers400(string query)
    {
        var tenant = await fixture.NewTenantAsync();
        using var response = await tenant.OwnerHttp.GetAsync($"api/v1/events/stream?{query}", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await response.ProblemAsync()).Code, new[] { ErrorCodes.InvalidParameter, ErrorCodes.InvalidSearch });
    }

    private static async Task<List<EventResponse>> ReadAsync(Tenant tenant, Guid after, int count, string? search = null)
    {
        var received = new List<EventResponse>();
        await foreach (var evt in tenant.Owner.Events.StreamAsync(search, after, cancellationToken: Cancel))
        {
            received.Add(evt);
            if (received.Count == count)
            {
                break;
            }
        }

        return received;
    }

    public sealed class OnSqlite(SqliteServer fixture) : EventStreamTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : EventStreamTests(fixture);
}
