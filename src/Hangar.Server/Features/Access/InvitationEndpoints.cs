using Hangar.Contracts.Access;
using Hangar.Contracts.Common;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Tenancy;
using Hangar.Server.Features.Audit;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.RateLimiting;
using Hangar.Server.Hosting.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Access;

internal static class InvitationEndpoints
{
    public static void MapInvitations(this RouteGroupBuilder api)
    {
        api.MapPost("/invitations/accept", AcceptAsync).WithTags("Members").Anonymous().Audited("invitation.accept")
            .RequireRateLimiting(RateLimitPolicies.SignIn)
            .WithSummary("Accept an invitation").WithDescription("Sets the invited user's password; they can then sign in.");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> AcceptAsync(
        AcceptInvitationRequest request, HangarDbContext db, PasswordHasher hasher, AuditScope audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator()
            .Text("token", request.Token, max: 100)
            .Password("password", request.Password)
            .Text("name", request.Name, max: 100, required: false);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var hash = SecretTokens.Hash(request.Token);
        var user = await db.Users.SingleOrDefaultAsync(u => u.InvitationTokenHash == hash && u.InvitationExpiresAt > now, cancellationToken);
        var home = user is null ? null : await db.Memberships.IgnoreQueryFilters([TenantFilter.Name])
            .Where(m => m.UserId == user.Id).OrderBy(m => m.Id).FirstOrDefaultAsync(cancellationToken);
        if (user is null || home is null)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, ErrorCodes.InvalidInvitation, "Invalid invitation",
                "The invitation token is unknown, already used or expired; ask an admin for a new one.");
        }

        audit.Actor(home.OrganizationId, user.Id, user.Email, "user");
        audit.Resource(ResourceTypes.User, user.Id, StatusCodes.Status204NoContent);
        user.PasswordHash = hasher.Hash(request.Password);
        user.Name = request.Name?.Trim() ?? user.Name;
        user.InvitationTokenHash = null;
        user.InvitationExpiresAt = null;
        user.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
