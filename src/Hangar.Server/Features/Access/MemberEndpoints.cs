using Hangar.Contracts.Access;
using Hangar.Contracts.Common;
using Hangar.Core.Access;
using Hangar.Core.Events;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Access;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Events;
using Hangar.Server.Features.Idempotency;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Http;
using Hangar.Server.Hosting.Lists;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.References;
using Hangar.Server.Hosting.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Access;

internal static class MemberEndpoints
{
    private static readonly SearchFields<Membership> Search = new SearchFields<Membership>()
        .String("email", m => m.User!.Email)
        .String("name", m => m.User!.Name)
        .Enum("role", m => m.Role)
        .DateTime("created_at", m => m.CreatedAt);

    public static void MapMembers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/members").WithTags("Members");
        group.MapGet("", ListAsync).Requires(Permission.MemberRead)
            .WithSummary("List members").WithDescription("Search fields: email, name, role, created_at.");
        group.MapGet("/{id}", GetAsync).Requires(Permission.MemberRead).WithSummary("Get a member");
        group.MapPost("", AddAsync).Requires(Permission.MemberManage).Audited("member.add").Idempotent().CarriesSecret()
            .WithSummary("Add or invite a member")
            .WithDescription("An unknown email creates an invited user; the one-time invitation token is in the response.");
        group.MapPatch("/{id}", UpdateAsync).Requires(Permission.MemberManage).Audited("member.update")
            .WithSummary("Change a member's role");
        group.MapDelete("/{id}", RemoveAsync).Requires(Permission.MemberManage).Audited("member.remove")
            .WithSummary("Remove a member").WithDescription("Also revokes their API keys and console sessions in this organization. The last owner cannot be removed.");
    }

    private static Task<Results<Ok<ListResponse<MemberResponse>>, ProblemHttpResult>> ListAsync(
        [AsParameters] ListRequest request, HangarDbContext db, CancellationToken cancellationToken) =>
        db.Memberships.AsNoTracking().Include(m => m.User).ListAsync(request, Search, m => m.Id, m => m.ToResponse(m.User!), cancellationToken);

    private static async Task<Results<Ok<MemberResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var member = await FindAsync(id, http, db, cancellationToken);
        return member is null ? Problems.NotFound("Member") : TypedResults.Ok(member.ToResponse(member.User!));
    }

    private static async Task<Results<Created<MemberAddedResponse>, ProblemHttpResult>> AddAsync(
        AddMemberRequest request, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events, TimeProvider time,
        IOptions<AccessOptions> options, CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        var validator = new RequestValidator()
            .Email("email", request.Email)
            .Role("role", request.Role, out var role)
            .Text("name", request.Name, max: 100, required: false);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        if (!PermissionMatrix.MayGrant(caller.Role, role))
        {
            return Problems.Forbidden(ErrorCodes.RoleTooHigh, $"You cannot grant a role higher than your own ('{caller.Role.ToWire()}').");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var email = request.Email.Trim().ToLowerInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
        if (user is not null && await db.Memberships.AnyAsync(m => m.UserId == user.Id, cancellationToken))
        {
            return Problems.Conflict(ErrorCodes.AlreadyExists, $"{email} is already a member of this organization.");
        }

        string? invitation = null;
        if (user is null)
        {
            user = new User { Id = Guid.CreateVersion7(now), Email = email, Name = request.Name?.Trim() ?? email.Split('@')[0], CreatedAt = now, UpdatedAt = now };
            db.Users.Add(user);
        }

        if (user.PasswordHash is null)
        {
            // A user who never accepted gets a fresh token; the old one stops working.
            invitation = SecretTokens.NewInvitationToken();
            user.InvitationTokenHash = SecretTokens.Hash(invitation);
            user.InvitationExpiresAt = now.AddDays(options.Value.InvitationLifetimeDays);
        }

        var membership = new Membership { Id = Guid.CreateVersion7(now), OrganizationId = caller.OrganizationId, UserId = user.Id, Role = role, CreatedAt = now, UpdatedAt = now };
        db.Memberships.Add(membership);
        audit.Resource(ResourceTypes.Member, membership.Id);
        events.Record(EventTypes.MemberAdded, ResourceTypes.Member, membership.Id, new { user_id = user.Id, role = role.ToWire() });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/members/{membership.Id}",
            new MemberAddedResponse(membership.ToResponse(user), invitation, invitation is null ? null : user.InvitationExpiresAt));
    }

    private static async Task<Results<Ok<MemberResponse>, ProblemHttpResult>> UpdateAsync(
        string id, UpdateMemberRequest request, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        var validator = new RequestValidator().Role("role", request.Role, out var role);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await OrganizationLock.AcquireAsync(db, caller.OrganizationId, cancellationToken);
        var member = await FindAsync(id, http, db, cancellationToken);
        if (member is null)
        {
            return Problems.NotFound("Member");
        }

        audit.Resource(ResourceTypes.Member, member.Id);
        if (ChangeRefusal(caller, member, role) is { } refused)
        {
            return refused;
        }

        if (member.Role == Role.Owner && role != Role.Owner && await IsLastOwnerAsync(db, cancellationToken))
        {
            return Problems.Conflict(ErrorCodes.LastOwner, "An organization needs at least one owner; promote someone else first.");
        }

        if (member.Role != role)
        {
            events.Record(EventTypes.MemberUpdated, ResourceTypes.Member, member.Id,
                new { user_id = member.UserId, role = role.ToWire(), previous_role = member.Role.ToWire() });
            member.Role = role;
            member.UpdatedAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(member.ToResponse(member.User!));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        string id, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await OrganizationLock.AcquireAsync(db, caller.OrganizationId, cancellationToken);
        var member = await FindAsync(id, http, db, cancellationToken);
        if (member is null)
        {
            return Problems.NotFound("Member");
        }

        audit.Resource(ResourceTypes.Member, member.Id);
        if (ChangeRefusal(caller, member, member.Role) is { } refused)
        {
            return refused;
        }

        if (member.Role == Role.Owner && await IsLastOwnerAsync(db, cancellationToken))
        {
            return Problems.Conflict(ErrorCodes.LastOwner, "The last owner cannot be removed; promote someone else first.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        await db.ApiKeys.Where(k => k.UserId == member.UserId && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), cancellationToken);
        await db.UserSessions.Where(s => s.UserId == member.UserId && s.OrganizationId == caller.OrganizationId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), cancellationToken);
        db.Memberships.Remove(member);
        events.Record(EventTypes.MemberRemoved, ResourceTypes.Member, member.Id, new { user_id = member.UserId, role = member.Role.ToWire() });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Admins manage admins and below; only owners touch owners or make new ones.</summary>
    private static ProblemHttpResult? ChangeRefusal(Caller caller, Membership member, Role newRole) =>
        !PermissionMatrix.MayGrant(caller.Role, member.Role) || !PermissionMatrix.MayGrant(caller.Role, newRole)
            ? Problems.Forbidden(ErrorCodes.RoleTooHigh, $"A '{caller.Role.ToWire()}' cannot change members or grant roles above their own role.")
            : null;

    private static async Task<bool> IsLastOwnerAsync(HangarDbContext db, CancellationToken cancellationToken) =>
        await db.Memberships.CountAsync(m => m.Role == Role.Owner, cancellationToken) <= 1;

    private static Task<Membership?> FindAsync(string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        return db.Memberships.Include(m => m.User)
            .FindByReferenceAsync(db, ReferenceRules.Member, id, http.RequireCaller().OrganizationId, cancellationToken);
    }
}
