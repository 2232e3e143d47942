using Hangar.Contracts.Access;
using Hangar.Contracts.Common;
using Hangar.Core.Access;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Access;
using Hangar.Data.Tenancy;
using Hangar.Server.Features.Audit;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Http;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.RateLimiting;
using Hangar.Server.Hosting.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Access;

/// <summary>Console sign-in: a server-side session behind an HttpOnly, SameSite=Strict cookie, with lockout after repeated failures.</summary>
internal static class SessionEndpoints
{
    public static void MapSessions(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/session").WithTags("Session");
        group.MapPost("", SignInAsync).Anonymous().Audited("session.create").RequireRateLimiting(RateLimitPolicies.SignIn).CarriesSecret()
            .WithSummary("Sign in").WithDescription("Sets the session cookie. Send the returned csrf_token in X-CSRF-Token on every change.");
        group.MapGet("", GetAsync).Requires(Permission.SelfRead).CarriesSecret().WithSummary("The current console session");
        group.MapPut("/organization", SwitchOrganizationAsync).Requires(Permission.SelfManage).Audited("session.switch_organization").CarriesSecret()
            .WithSummary("Switch the session's organization")
            .WithDescription("Moves the console session to another organization the user belongs to, with the role held there. " +
                "The switch is audited in the organization entered; a refused one in the organization the session is in.");
        group.MapDelete("", SignOutAsync).Requires(Permission.SelfManage).Audited("session.delete").WithSummary("Sign out");
    }

    private static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> SignInAsync(
        SignInRequest request, HttpContext http, HangarDbContext db, PasswordHasher hasher, AuditScope audit,
        TimeProvider time, IOptions<AccessOptions> options, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator().Text("email", request.Email, max: 254).Text("password", request.Password, max: 256);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var email = request.Email.Trim().ToLowerInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
        var memberships = user is null ? [] : await db.Memberships.IgnoreQueryFilters([TenantFilter.Name])
            .Where(m => m.UserId == user.Id).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        if (user is not null && memberships.Count > 0)
        {
            // Failed attempts are audited in the user's organization: that is where someone watches for them.
            var home = memberships.FirstOrDefault(m => m.OrganizationId == request.OrganizationId) ?? memberships[0];
            audit.Actor(home.OrganizationId, user.Id, user.Email, "user");
        }

        if (user?.LockedUntil > now)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling((user.LockedUntil.Value - now).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problems.Create(StatusCodes.Status401Unauthorized, ErrorCodes.AccountLocked, "Account locked",
                "Too many failed sign-ins; try again later.");
        }

        if (user is null || !hasher.Verify(request.Password, user.PasswordHash))
        {
            if (user is not null)
            {
                RecordFailure(user, now, options.Value);
                await db.SaveChangesAsync(cancellationToken);
            }

            return Problems.Create(StatusCodes.Status401Unauthorized, ErrorCodes.InvalidCredentials, "Invalid credentials", "The email or password is wrong.");
        }

        var membership = request.OrganizationId is null ? memberships.FirstOrDefault() : memberships.FirstOrDefault(m => m.OrganizationId == request.OrganizationId);
        if (membership is null)
        {
            return Problems.Validation("organization_id", "You are not a member of this organization.");
        }

        user.FailedSignInCount = 0;
        user.LockedUntil = null;
        var token = SecretTokens.NewSessionToken();
        var session = new UserSession
        {
            Id = Guid.CreateVersion7(now),
            UserId = user.Id,
            OrganizationId = membership.OrganizationId,
            TokenHash = SecretTokens.Hash(token),
            CsrfToken = SecretTokens.NewCsrfToken(),
            CreatedAt = now,
            ExpiresAt = now.AddHours(options.Value.SessionLifetimeHours),
        };
        db.UserSessions.Add(session);
        audit.Resource(ResourceTypes.User, user.Id, StatusCodes.Status200OK);
        await db.SaveChangesAsync(cancellationToken);

        http.Response.Cookies.Append(HangarHeaders.SessionCookie, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = options.Value.SecureCookies || http.Request.IsHttps,
            Path = "/",
            Expires = session.ExpiresAt,
        });
        var caller = new Caller(membership.OrganizationId, user.Id, user.Email, membership.Role, CallerKind.Session, session.Id, session.CsrfToken);
        return TypedResults.Ok(new SessionResponse(await CurrentUserQuery.LoadAsync(db, caller, cancellationToken), session.CsrfToken, session.ExpiresAt));
    }

    private static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> GetAsync(
        HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        if (caller.Kind != CallerKind.Session)
        {
            return Problems.NotFound("A console session (this request used an API key)");
        }

        var session = await db.UserSessions.AsNoTracking().SingleAsync(s => s.Id == caller.CredentialId, cancellationToken);
        return TypedResults.Ok(new SessionResponse(await CurrentUserQuery.LoadAsync(db, caller, cancellationToken), session.CsrfToken, session.ExpiresAt));
    }

    private static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> SwitchOrganizationAsync(
        SwitchOrganizationRequest request, HttpContext http, HangarDbContext db, AuditScope audit, CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        if (caller.Kind != CallerKind.Session)
        {
            // An API key belongs to one organization for good; only a signed-in user moves between them.
            return Problems.NotFound("A console session (this request used an API key)");
        }

        var membership = await db.Memberships.IgnoreQueryFilters([TenantFilter.Name]).AsNoTracking()
            .SingleOrDefaultAsync(m => m.UserId == caller.UserId && m.OrganizationId == request.OrganizationId, cancellationToken);
        if (membership is null)
        {
            // The same answer for an organization that does not exist: membership is all the caller may learn.
            return Problems.Validation("organization_id", "You are not a member of this organization.");
        }

        var session = await db.UserSessions.SingleAsync(s => s.Id == caller.CredentialId, cancellationToken);
        session.OrganizationId = membership.OrganizationId;
        audit.Actor(membership.OrganizationId, caller.UserId, caller.UserEmail, caller.ActorType);
        audit.Resource(ResourceTypes.User, caller.UserId);
        await db.SaveChangesAsync(cancellationToken);
        var moved = caller with { OrganizationId = membership.OrganizationId, Role = membership.Role };
        return TypedResults.Ok(new SessionResponse(await CurrentUserQuery.LoadAsync(db, moved, cancellationToken), session.CsrfToken, session.ExpiresAt));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SignOutAsync(
        HttpContext http, HangarDbContext db, AuditScope audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        if (caller.Kind != CallerKind.Session)
        {
            return Problems.NotFound("A console session (this request used an API key)");
        }

        audit.Resource(ResourceTypes.User, caller.UserId);
        var session = await db.UserSessions.SingleAsync(s => s.Id == caller.CredentialId, cancellationToken);
        session.RevokedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        http.Response.Cookies.Delete(HangarHeaders.SessionCookie, new CookieOptions { Path = "/" });
        return TypedResults.NoContent();
    }

    private static void RecordFailure(User user, DateTime now, AccessOptions options)
    {
        user.FailedSignInCount++;
        if (user.FailedSignInCount >= options.LockoutThreshold)
        {
            user.LockedUntil = now.AddMinutes(options.LockoutMinutes);
            user.FailedSignInCount = 0;
        }
    }
}
