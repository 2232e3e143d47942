using System.Net;
using Hangar.Contracts.Access;
using Hangar.Contracts.Common;
using Hangar.Core.Access;
using Hangar.Data;
using Hangar.Data.Tenancy;
using Hangar.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Access;

public abstract class ApiKeyLifecycleTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreatedKey_AuthenticatesWithItsRole_AndSecretIsNeverListed()
    {
        var tenant = await fixture.NewTenantAsync();
        var created = await tenant.Owner.ApiKeys.CreateAsync(new CreateApiKeyRequest("deploy bot", "operator"), cancellationToken: Cancel);

        var me = await fixture.Server.CreateClient(created.Secret).Users.MeAsync(Cancel);
        Assert.Equal("operator", me.Role);
        Assert.Equal(created.Key.Id, me.ApiKeyId);
        Assert.Equal(tenant.OrganizationId, me.OrganizationId);

        using var list = await tenant.OwnerHttp.GetAsync("api/v1/api_keys", Cancel);
        var text = await list.Content.ReadAsStringAsync(Cancel);
        Assert.Contains(created.Key.Prefix, text, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateResponse_EqualsTheResourceReadBack_ToTheMicrosecond()
    {
        var tenant = await fixture.NewTenantAsync();
        var created = await tenant.Owner.ApiKeys.CreateAsync(new CreateApiKeyRequest("precise", "viewer"), cancellationToken: Cancel);

        var read = await tenant.Owner.ApiKeys.GetAsync(created.Key.Id.ToString(), Cancel);

        Assert.Equal(created.Key, read);
        Assert.Equal(0, created.Key.CreatedAt.Ticks % TimeSpan.TicksPerMicrosecond);
    }

    [Fact]
    public async Task RevokedKey_IsRejectedWith401()
    {
        var tenant = await fixture.NewTenantAsync();
        var created = await tenant.Owner.ApiKeys.CreateAsync(new CreateApiKeyRequest("temp", "viewer"), cancellationToken: Cancel);
        var client = fixture.Server.CreateClient(created.Secret);
        await client.Users.MeAsync(Cancel);

        await tenant.Owner.ApiKeys.RevokeAsync(created.Key.Id.ToString(), Cancel);

        var error = await Api.ThrowsApiAsync(() => client.Users.MeAsync(Cancel));
        Assert.Equal(HttpStatusCode.Unauthorized, error.Status);
        Assert.Equal(ErrorCodes.Unauthenticated, error.Code);
        Assert.NotNull((await tenant.Owner.ApiKeys.GetAsync(created.Key.Id.ToString(), Cancel)).RevokedAt);
    }

    [Fact]
    public async Task ExpiredKey_IsRejectedWith401()
    {
        var tenant = await fixture.NewTenantAsync();
        var created = await tenant.Owner.ApiKeys.CreateAsync(
            new CreateApiKeyRequest("short-lived", "viewer", DateTime.SpecifyKind(new DateTime(2099, 1, 1), DateTimeKind.Utc)), cancellationToken: Cancel);
        var client = fixture.Server.CreateClient(created.Secret);
        await client.Users.MeAsync(Cancel);

        // Move the expiry into the past directly: waiting for a real clock would make the test slow and flaky.
        await using (var scope = fixture.Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
            await db.ApiKeys.IgnoreQueryFilters([TenantFilter.Name]).Where(k => k.Id == created.Key.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.ExpiresAt, TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(-1)), Cancel);
        }

        var error = await Api.ThrowsApiAsync(() => client.Users.MeAsync(Cancel));
        Assert.Equal(HttpStatusCode.Unauthorized, error.Status);
    }

    [Theory]
    [InlineData("hgr_abcdefghijkm_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-key")]
    [InlineData("Bearer")]
    public async Task UnknownOrMalformedKey_IsRejectedWith401(string key)
    {
        var error = await Api.ThrowsApiAsync(() => fixture.Server.CreateClient(key).Users.MeAsync(Cancel));
        Assert.Equal(HttpStatusCode.Unauthorized, error.Status);
        Assert.Equal(ErrorCodes.Unauthenticated, error.Code);
    }

    [Fact]
    public async Task KeyWithRightPrefixButWrongSecret_IsRejected()
    {
        var tenant = await fixture.NewTenantAsync();
        var created = await tenant.Owner.ApiKeys.CreateAsync(new CreateApiKeyRequest("real", "viewer"), cancellationToken: Cancel);
        var forged = created.Secret[..^4] + (created.Secret.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        var error = await Api.ThrowsApiAsync(() => fixture.Server.CreateClient(forged).Users.MeAsync(Cancel));
        Assert.Equal(HttpStatusCode.Unauthorized, error.Status);
    }

    [Fact]
    public async Task KeyWithHigherRoleThanCreator_IsForbidden()
    {
        var tenant = await fixture.NewTenantAsync();
        var admin = await tenant.ClientAsync(Role.Admin);

        var error = await Api.ThrowsApiAsync(() => admin.ApiKeys.CreateAsync(new CreateApiKeyRequest("escalate", "owner"), cancellationToken: Cancel));
        Assert.Equal(HttpStatusCode.Forbidden, error.Status);
        Assert.Equal(ErrorCodes.RoleTooHigh, error.Code);
    }

    [Fact]
    public async Task KeyInQueryString_IsNotAccepted()
    {
        var tenant = await fixture.NewTenantAsync();
        using var http = fixture.Server.CreateHttpClient(null);
        using var response = await http.GetAsync($"api/v1/users/me?api_key={Uri.EscapeDataString(tenant.OwnerKey)}", Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task KeyOfRemovedMember_StopsWorking_AndKeyOfDemotedMember_ActsAtTheLowerRole()
    {
        var tenant = await fixture.NewTenantAsync();
        var (memberKey, memberId) = await AddMemberWithKeyAsync(tenant, "admin");
        var memberClient = fixture.Server.CreateClient(memberKey);
        Assert.Equal("admin", (await memberClient.Users.MeAsync(Cancel)).Role);

        await tenant.Owner.Members.UpdateAsync(memberId, new UpdateMemberRequest("viewer"), Cancel);
        Assert.Equal("viewer", (await memberClient.Users.MeAsync(Cancel)).Role);

        await tenant.Owner.Members.RemoveAsync(memberId, Cancel);
        var error = await Api.ThrowsApiAsync(() => memberClient.Users.MeAsync(Cancel));
        Assert.Equal(HttpStatusCode.Unauthorized, error.Status);
    }

    /// <summary>Adds a second user who owns an admin key; the only way for a user to get a key is to create one themselves.</summary>
    private async Task<(string Key, string MemberId)> AddMemberWithKeyAsync(Tenant tenant, string role)
    {
        var email = $"member-{Guid.CreateVersion7():N}@example.com";
        var added = await tenant.Owner.Members.AddAsync(new AddMemberRequest(email, role), cancellationToken: Cancel);
        var anonymous = fixture.Server.CreateClient(null);
        await anonymous.Members.AcceptInvitationAsync(new AcceptInvitationRequest(added.InvitationToken!, "correct horse battery staple"), Cancel);
        using var handler = new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() };
        var session = new Hangar.Client.HangarClient(fixture.Server.CreateHttpClient(null, handler));
        await session.Session.SignInAsync(new SignInRequest(email, "correct horse battery staple", tenant.OrganizationId), Cancel);
        var key = await session.ApiKeys.CreateAsync(new CreateApiKeyRequest("member key", role), cancellationToken: Cancel);
        return (key.Secret, added.Member.Id.ToString());
    }

    public sealed class OnSqlite(SqliteServer fixture) : ApiKeyLifecycleTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : ApiKeyLifecycleTests(fixture);
}
