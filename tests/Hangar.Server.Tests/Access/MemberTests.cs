using System.Net;
using Hangar.Contracts.Access;
using Hangar.Contracts.Common;
using Hangar.Core.Access;
using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.Access;

public abstract class MemberTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExistingUser_IsAddedWithoutInvitation_AndSignsInToTheChosenOrganization()
    {
        var first = await fixture.NewTenantAsync();
        var second = await fixture.NewTenantAsync();
        var (email, _) = await SessionClients.InviteAndAcceptAsync(fixture, first, "viewer");

        var added = await second.Owner.Members.AddAsync(new AddMemberRequest(email, "operator"), cancellationToken: Cancel);
        Assert.Null(added.InvitationToken);
        Assert.Equal("active", added.Member.Status);

        var session = await SessionClients.SignInAsync(fixture, email, second.OrganizationId);
        Assert.Equal("operator", (await session.Users.MeAsync(Cancel)).Role);
        var organizations = await session.Organizations.ListAsync(cancellationToken: Cancel);
        Assert.Equal([first.OrganizationId, second.OrganizationId], organizations.Data.Select(o => o.Id).Order());
    }

    [Fact]
    public async Task AddingTheSameUserTwice_IsAConflict()
    {
        var tenant = await fixture.NewTenantAsync();
        var email = $"twice-{Guid.CreateVersion7():N}@example.com";
        await tenant.Owner.Members.AddAsync(new AddMemberRequest(email, "viewer"), cancellationToken: Cancel);
        var error = await Api.ThrowsApiAsync(() => tenant.Owner.Members.AddAsync(new AddMemberRequest(email.ToUpperInvariant(), "viewer"), cancellationToken: Cancel));
        Assert.Equal(HttpStatusCode.Conflict, error.Status);
        Assert.Equal(ErrorCodes.AlreadyExists, error.Code);
    }

    [Fact]
    public async Task LastOwner_CannotBeDemotedOrRemoved()
    {
        var tenant = await fixture.NewTenantAsync();
        var owner = Assert.Single((await tenant.Owner.Members.ListAsync(cancellationToken: Cancel)).Data);

        var demote = await Api.ThrowsApiAsync(() => tenant.Owner.Members.UpdateAsync(owner.Hrn, new UpdateMemberRequest("admin"), Cancel));
        Assert.Equal(ErrorCodes.LastOwner, demote.Code);
        var remove = await Api.ThrowsApiAsync(() => tenant.Owner.Members.RemoveAsync(owner.Id.ToString(), Cancel));
        Assert.Equal(ErrorCodes.LastOwner, remove.Code);
    }

    [Fact]
    public async Task TwoOwnersDemotingEachOtherAtOnce_LeaveOneOwner()
    {
        var tenant = await fixture.NewTenantAsync();
        var (email, memberId) = await SessionClients.InviteAndAcceptAsync(fixture, tenant, "owner");
        var second = await SessionClients.SignInAsync(fixture, email, tenant.OrganizationId);
        var firstOwner = (await tenant.Owner.Members.ListAsync(new(Search: "role:'owner'"), Cancel)).Data.Single(m => m.Id != memberId);

        var results = await Task.WhenAll(
            Attempt(() => tenant.Owner.Members.UpdateAsync(memberId.ToString(), new UpdateMemberRequest("admin"), Cancel)),
            Attempt(() => second.Members.UpdateAsync(firstOwner.Id.ToString(), new UpdateMemberRequest("admin"), Cancel)));

        var owners = (await tenant.Owner.Members.ListAsync(new(Search: "role:'owner'"), Cancel)).Data;
        Assert.Single(owners);
        // Whichever runs second is refused: as the last owner if both checked at once, or because its caller was
        // already demoted to admin and admins cannot touch owners.
        Assert.Single(results, r => r == "ok");
        Assert.Single(results, r => r is ErrorCodes.LastOwner or ErrorCodes.RoleTooHigh);
    }

    [Fact]
    public async Task Admins_CannotGrantOrTouchOwners()
    {
        var tenant = await fixture.NewTenantAsync();
        var admin = await tenant.ClientAsync(Role.Admin);
        var owner = Assert.Single((await tenant.Owner.Members.ListAsync(cancellationToken: Cancel)).Data);

        var grant = await Api.ThrowsApiAsync(() => admin.Members.AddAsync(new AddMemberRequest($"o-{Guid.CreateVersion7():N}@example.com", "owner"), cancellationToken: Cancel));
        Assert.Equal(ErrorCodes.RoleTooHigh, grant.Code);
        var demote = await Api.ThrowsApiAsync(() => admin.Members.UpdateAsync(owner.Id.ToString(), new UpdateMemberRequest("viewer"), Cancel));
        Assert.Equal(ErrorCodes.RoleTooHigh, demote.Code);
    }

    [Fact]
    public async Task RemovedMember_LosesSessionsAndKeys()
    {
        var tenant = await fixture.NewTenantAsync();
        var (email, memberId) = await SessionClients.InviteAndAcceptAsync(fixture, tenant, "operator");
        var session = await SessionClients.SignInAsync(fixture, email, tenant.OrganizationId);
        var key = await session.ApiKeys.CreateAsync(new CreateApiKeyRequest("theirs", "operator"), cancellationToken: Cancel);

        await tenant.Owner.Members.RemoveAsync(memberId.ToString(), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.ThrowsApiAsync(() => session.Users.MeAsync(Cancel))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.ThrowsApiAsync(() => fixture.Server.CreateClient(key.Secret).Users.MeAsync(Cancel))).Status);
        Assert.NotNull((await tenant.Owner.ApiKeys.GetAsync(key.Key.Id.ToString(), Cancel)).RevokedAt);
    }

    private static async Task<string> Attempt(Func<Task> call)
    {
        try
        {
            await call();
            return "ok";
        }
        catch (Hangar.Client.HangarApiException error)
        {
            return error.Code;
        }
    }

    public sealed class OnSqlite(SqliteServer fixture) : MemberTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : MemberTests(fixture);
}
