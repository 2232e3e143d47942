using Hangar.Contracts.Access;
using Hangar.Contracts.Common;
using Hangar.Core.Access;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Server.Features.Audit;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Access;

internal static class UserEndpoints
{
    public static void MapUsers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("Users");
        group.MapGet("/me", GetMeAsync).Requires(Permission.SelfRead).WithSummary("Who am I")
            .WithDescription("The caller's user, organization, effective role and how they authenticated.");
        group.MapPut("/me/password", ChangePasswordAsync).Requires(Permission.SelfManage).Audited("user.change_password")
            .WithSummary("Change my password").WithDescription("Only from a console session. Ends the user's other sessions.");
    }

    private static async Task<Ok<CurrentUserResponse>> GetMeAsync(HttpContext http, HangarDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await CurrentUserQuery.LoadAsync(db, http.RequireCaller(), cancellationToken));

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangePasswordAsync(
        ChangePasswordRequest request, HttpContext http, HangarDbContext db, PasswordHasher hasher, AuditScope audit,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        // An API key (perhaps a viewer key in a CI system) must not be able to take over its creator's account.
        if (caller.Kind != CallerKind.Session)
        {
            return Problems.Forbidden(ErrorCodes.Forbidden, "Passwords can only be changed from a signed-in console session.");
        }

        var validator = new RequestValidator().Password("new_password", request.NewPassword);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        audit.Resource(ResourceTypes.User, caller.UserId, StatusCodes.Status204NoContent);
        var user = await db.Users.SingleAsync(u => u.Id == caller.UserId, cancellationToken);
        if (!hasher.Verify(request.CurrentPassword, user.PasswordHash))
        {
            return Problems.Create(StatusCodes.Status403Forbidden, ErrorCodes.InvalidCredentials, "Invalid credentials", "The current password is wrong.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        user.PasswordHash = hasher.Hash(request.NewPassword);
        user.UpdatedAt = now;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.UserSessions.Where(s => s.UserId == user.Id && s.Id != caller.CredentialId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
