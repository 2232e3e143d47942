using Hangar.Core.Access;
using Hangar.Data;
using Hangar.Data.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Hosting.Authentication;

/// <summary>
/// Turns a presented API key or session token into a <see cref="Caller"/>, in one indexed query that also reads
/// the creator's current membership (removing a member or lowering their role takes effect at once). Each refusal is
/// counted with its reason (<see cref="AuthenticationFailures"/>); the caller is told only "invalid, expired or revoked".
/// </summary>
internal sealed class CallerAuthenticator(HangarDbContext db, TimeProvider time, AuthenticationFailures failures)
{
    /// <summary>Writing last-used on every call would turn reads into writes; once a minute is enough to be useful.</summary>
    private static readonly TimeSpan LastUsedGranularity = TimeSpan.FromMinutes(1);

    public async Task<Caller?> ApiKeyAsync(string token, CancellationToken cancellationToken)
    {
        var prefix = SecretTokens.ApiKeyPrefix(token);
        if (prefix is null)
        {
            return Refused(AuthenticationFailures.ApiKey, "malformed");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var found = await db.ApiKeys.IgnoreQueryFilters([TenantFilter.Name])
            .Where(k => k.Prefix == prefix)
            .Join(db.Memberships.IgnoreQueryFilters([TenantFilter.Name]), k => new { k.OrganizationId, k.UserId }, m => new { m.OrganizationId, m.UserId },
                (k, m) => new { Key = k, MemberRole = m.Role, m.User!.Email })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null || !SecretTokens.Matches(token, found.Key.SecretHash))
        {
            return Refused(AuthenticationFailures.ApiKey, "unknown");
        }

        if (found.Key.RevokedAt is not null)
        {
            return Refused(AuthenticationFailures.ApiKey, "revoked");
        }

        if (found.Key.ExpiresAt <= now)
        {
            return Refused(AuthenticationFailures.ApiKey, "expired");
        }

        if (found.Key.LastUsedAt is null || now - found.Key.LastUsedAt > LastUsedGranularity)
        {
            await db.ApiKeys.IgnoreQueryFilters([TenantFilter.Name]).Where(k => k.Id == found.Key.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        }

        var role = (Role)Math.Min((int)found.Key.Role, (int)found.MemberRole);
        return new Caller(found.Key.OrganizationId, found.Key.UserId, found.Email, role, CallerKind.ApiKey, found.Key.Id, null);
    }

    public async Task<Caller?> SessionAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length > 100)
        {
            return Refused(AuthenticationFailures.Session, "malformed");
        }

        var hash = SecretTokens.Hash(token);
        var now = time.GetUtcNow().UtcDateTime;
        var found = await db.UserSessions
            .Where(s => s.TokenHash == hash && s.RevokedAt == null && s.ExpiresAt > now)
            .Join(db.Memberships.IgnoreQueryFilters([TenantFilter.Name]), s => new { s.OrganizationId, s.UserId }, m => new { m.OrganizationId, m.UserId },
                (s, m) => new { Session = s, m.Role, m.User!.Email })
            .SingleOrDefaultAsync(cancellationToken);
        // Unknown, signed out, expired or the member removed: one query cannot tell which, and a stale cookie is common.
        return found is null
            ? Refused(AuthenticationFailures.Session, "invalid")
            : new Caller(found.Session.OrganizationId, found.Session.UserId, found.Email, found.Role, CallerKind.Session, found.Session.Id, found.Session.CsrfToken);
    }

    private Caller? Refused(string scheme, string reason)
    {
        failures.Refused(scheme, reason);
        return null;
    }
}
