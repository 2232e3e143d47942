using System.Net;
using Hangar.Client;
using Hangar.Contracts.Access;
using Hangar.Contracts.Common;
using Hangar.Contracts.Devices;
using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.Access;

public abstract class SessionTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_SetsAStrictHttpOnlyCookie_AndTheSessionActsAsTheMember()
    {
        var tenant = await fixture.NewTenantAsync();
        var (email, _) = await SessionClients.InviteAndAcceptAsync(fixture, tenant, "operator");
        using var http = fixture.Server.CreateHttpClient(null, new HttpClientHandler { UseCookies = false });

        using var response = await http.PostAsync("api/v1/session", Api.Json($$"""{"email":"{{email}}","password":"{{SessionClients.Password}}"}"""), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith($"{HangarHeaders.SessionCookie}=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var session = await SessionClients.SignInAsync(fixture, email);
        var me = await session.Users.MeAsync(Cancel);
        Assert.Equal("operator", me.Role);
        Assert.Equal("session", me.AuthenticatedBy);
        Assert.Equal(tenant.OrganizationId, me.OrganizationId);
    }

    [Fact]
    public async Task CookieMutation_WithoutTheCsrfToken_IsRefused()
    {
        var tenant = await fixture.NewTenantAsync();
        var (email, _) = await SessionClients.InviteAndAcceptAsync(fixture, tenant, "admin");
        var (client, _) = SessionClients.Anonymous(fixture);
        await client.Session.SignInAsync(new SignInRequest(email, SessionClients.Password), Cancel);
        client.Transport.Http.DefaultRequestHeaders.Remove(HangarHeaders.CsrfToken);

        var error = await Api.ThrowsApiAsync(() => client.ApiKeys.CreateAsync(new CreateApiKeyRequest("csrf", "viewer"), cancellationToken: Cancel));
        Assert.Equal(HttpStatusCode.Forbidden, error.Status);
        Assert.Equal(ErrorCodes.AntiforgeryFailed, error.Code);

        client.Transport.Http.DefaultRequestHeaders.Add(HangarHeaders.CsrfToken, "wrong");
        error = await Api.ThrowsApiAsync(() => client.ApiKeys.CreateAsync(new CreateApiKeyRequest("csrf", "viewer"), cancellationToken: Cancel));
        Assert.Equal(ErrorCodes.AntiforgeryFailed, error.Code);
        Assert.Empty((await tenant.Owner.ApiKeys.ListAsync(new(Search: "name:'csrf'"), Cancel)).Data);
    }

    [Fact]
    public async Task RepeatedWrongPasswords_LockTheAccount()
    {
        var tenant = await fixture.NewTenantAsync();
        var (email, _) = await SessionClients.InviteAndAcceptAsync(fixture, tenant, "viewer");
        var (client, _) = SessionClients.Anonymous(fixture);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var wrong = await Api.ThrowsApiAsync(() => client.Session.SignInAsync(new SignInRequest(email, "not the password at all"), Cancel));
            Assert.Equal(ErrorCodes.InvalidCredentials, wrong.Code);
        }

        var locked = await Api.ThrowsApiAsync(() => client.Session.SignInAsync(new SignInRequest(email, SessionClients.Password), Cancel));
        Assert.Equal(HttpStatusCode.Unauthorized, locked.Status);
        Assert.Equal(ErrorCodes.AccountLocked, locked.Code);
        Assert.NotNull(locked.RetryAfter);
    }

    [Fact]
    public async Task UnknownEmail_AndWrongPassword_LookTheSame()
    {
        var tenant = await fixture.NewTenantAsync();
        var (email, _) = await SessionClients.InviteAndAcceptAsync(fixture, tenant, "viewer");
        var (client, _) = SessionClients.Anonymous(fixture);
        var unknown = await Api.ThrowsApiAsync(() => client.Session.SignInAsync(new SignInRequest("nobody@example.com", "whatever password"), Cancel));
        var wrong = await Api.ThrowsApiAsync(() => client.Session.SignInAsync(new SignInRequest(email, "whatever password"), Cancel));
        Assert.Equal(unknown.Status, wrong.Status);
        Assert.Equal(unknown.Code, wrong.Code);
        Assert.Equal(unknown.Problem!.Detail, wrong.Problem!.Detail);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var tenant = await fixture.NewTenantAsync();
        var (email, _) = await SessionClients.InviteAndAcceptAsync(fixture, tenant, "viewer");
        var (client, cookies) = SessionClients.Anonymous(fixture);
        await client.Session.SignInAsync(new SignInRequest(email, SessionClients.Password), Cancel);
        var stolen = cookies.GetCookies(fixture.Server.AdminBaseAddress)[HangarHeaders.SessionCookie]!.Value;

        await client.Session.SignOutAsync(Cancel);

        using var replay = fixture.Server.CreateHttpClient(null, new HttpClientHandler { UseCookies = false });
        replay.DefaultRequestHeaders.Add("Cookie", $"{HangarHeaders.SessionCookie}={stolen}");
        using var response = await replay.GetAsync("api/v1/users/me", Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PasswordChange_NeedsASession_AndEndsOtherSessions()
    {
        var tenant = await fixture.NewTenantAsync();
        var (email, _) = await SessionClients.InviteAndAcceptAsync(fixture, tenant, "viewer");
        var first = await SessionClients.SignInAsync(fixture, email);
        var second = await SessionClients.SignInAsync(fixture, email);

        var viaKey = await Api.ThrowsApiAsync(() => tenant.Owner.Users.ChangePasswordAsync(new ChangePasswordRequest("x", "a brand new password"), Cancel));
        Assert.Equal(HttpStatusCode.Forbidden, viaKey.Status);

        await first.Users.ChangePasswordAsync(new ChangePasswordRequest(SessionClients.Password, "a brand new password"), Cancel);
        await first.Users.MeAsync(Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.ThrowsApiAsync(() => second.Users.MeAsync(Cancel))).Status);
        var (anonymous, _) = SessionClients.Anonymous(fixture);
        await anonymous.Session.SignInAsync(new SignInRequest(email, "a brand new password"), Cancel);
    }

    [Fact]
    public async Task Invitation_CanBeAcceptedOnce()
    {
        var tenant = await fixture.NewTenantAsync();
        var added = await tenant.Owner.Members.AddAsync(new AddMemberRequest($"once-{Guid.CreateVersion7():N}@example.com", "viewer"), cancellationToken: Cancel);
        Assert.Equal("invited", added.Member.Status);
        var anonymous = fixture.Server.CreateClient(null);
        await anonymous.Members.AcceptInvitationAsync(new AcceptInvitationRequest(added.InvitationToken!, SessionClients.Password), Cancel);

        var again = await Api.ThrowsApiAsync(() => anonymous.Members.AcceptInvitationAsync(new AcceptInvitationRequest(added.InvitationToken!, SessionClients.Password), Cancel));
        Assert.Equal(ErrorCodes.InvalidInvitation, again.Code);
        Assert.Equal("active", (await tenant.Owner.Members.GetAsync(added.Member.Id.ToString(), Cancel)).Status);
    }

    [Fact]
    public async Task SwitchOrganization_MovesTheSession_WithTheRoleHeldThere_AndIsAuditedWhereItLands()
    {
        var home = await fixture.NewTenantAsync();
        var other = await fixture.NewTenantAsync();
        var (email, _) = await SessionClients.InviteAndAcceptAsync(fixture, home, "viewer");
        // The user exists and has a password: the second organization adds them without an invitation.
        Assert.Null((await other.Owner.Members.AddAsync(new AddMemberRequest(email, "operator"), cancellationToken: Cancel)).InvitationToken);
        var product = await other.Owner.Products.CreateAsync(new CreateProductRequest("switch-target"), cancellationToken: Cancel);
        var session = await SessionClients.SignInAsync(fixture, email);
        Assert.Equal(home.OrganizationId, (await session.Users.MeAsync(Cancel)).OrganizationId);

        var moved = await session.Session.SwitchOrganizationAsync(new SwitchOrganizationRequest(other.OrganizationId), Cancel);

        Assert.Equal(other.OrganizationId, moved.User.OrganizationId);
        Assert.Equal("operator", moved.User.Role);
        var me = await session.Users.MeAsync(Cancel);
        Assert.Equal((other.OrganizationId, "operator"), (me.OrganizationId, me.Role));
        // Every later call acts in the organization entered, with the role held there: an operator creates products.
        Assert.Equal(product.Id, Assert.Single((await session.Products.ListAsync(new ListOptions(), Cancel)).Data).Id);
        await session.Products.CreateAsync(new CreateProductRequest("made-after-the-switch"), cancellationToken: Cancel);
        var entry = Assert.Single((await other.Owner.Audit.ListAsync(new ListOptions(Search: "action:'session.switch_organization'"), Cancel)).Data);
        Assert.Equal((email, "success"), (entry.ActorName, entry.Outcome));
        Assert.Empty((await home.Owner.Audit.ListAsync(new ListOptions(Search: "action:'session.switch_organization'"), Cancel)).Data);

        // And back, with the viewer role again.
        var back = await session.Session.SwitchOrganizationAsync(new SwitchOrganizationRequest(home.OrganizationId), Cancel);
        Assert.Equal((home.OrganizationId, "viewer"), (back.User.OrganizationId, back.User.Role));
        Assert.Equal(HttpStatusCode.Forbidden,
            (await Api.ThrowsApiAsync(() => session.Products.CreateAsync(new CreateProductRequest("viewer-may-not"), cancellationToken: Cancel))).Status);
    }

    [Fact]
    public async Task SwitchOrganization_ToOneTheUserIsNotIn_IsRefusedAlike_AndTheSessionStaysWhereItWas()
    {
        var home = await fixture.NewTenantAsync();
        var stranger = await fixture.NewTenantAsync();
        var (email, _) = await SessionClients.InviteAndAcceptAsync(fixture, home, "admin");
        var session = await SessionClients.SignInAsync(fixture, email);

        var notMember = await Api.ThrowsApiAsync(() => session.Session.SwitchOrganizationAsync(new SwitchOrganizationRequest(stranger.OrganizationId), Cancel));
        var unknown = await Api.ThrowsApiAsync(() => session.Session.SwitchOrganizationAsync(new SwitchOrganizationRequest(Guid.CreateVersion7()), Cancel));

        // An organization one is not in and one that does not exist cannot be told apart.
        Assert.Equal((HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed), (notMember.Status, notMember.Code));
        Assert.Equal((notMember.Status, notMember.Code, notMember.Problem!.Detail), (unknown.Status, unknown.Code, unknown.Problem!.Detail));
        Assert.Contains("organization_id", notMember.Problem.Errors!.Keys);
        Assert.Equal(home.OrganizationId, (await session.Users.MeAsync(Cancel)).OrganizationId);
        // The refusals are audited where the session is, not in the organization it tried to enter.
        Assert.Equal(2, (await home.Owner.Audit.ListAsync(new ListOptions(Search: "action:'session.switch_organization'"), Cancel)).Data
            .Count(e => e.Outcome != "success"));
        Assert.Empty((await stranger.Owner.Audit.ListAsync(new ListOptions(Search: "action:'session.switch_organization'"), Cancel)).Data);
    }

    [Fact]
    public async Task SwitchOrganization_WithAnApiKey_IsNotFound_AndWithoutTheCsrfToken_IsRefused()
    {
        var tenant = await fixture.NewTenantAsync();
        var byKey = await Api.ThrowsApiAsync(() => tenant.Owner.Session.SwitchOrganizationAsync(new SwitchOrganizationRequest(tenant.OrganizationId), Cancel));
        Assert.Equal(HttpStatusCode.NotFound, byKey.Status);

        var (email, _) = await SessionClients.InviteAndAcceptAsync(fixture, tenant, "viewer");
        var session = await SessionClients.SignInAsync(fixture, email);
        session.Transport.Http.DefaultRequestHeaders.Remove(HangarHeaders.CsrfToken);
        var forged = await Api.ThrowsApiAsync(() => session.Session.SwitchOrganizationAsync(new SwitchOrganizationRequest(tenant.OrganizationId), Cancel));
        Assert.Equal(ErrorCodes.AntiforgeryFailed, forged.Code);
    }

    public sealed class OnSqlite(SqliteServer fixture) : SessionTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : SessionTests(fixture);
}
