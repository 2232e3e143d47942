using Hangar.Data;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Access;

/// <summary>
/// Serialises membership changes within one organization. Inside a transaction, a no-op update of the organization
/// row takes its row lock on PostgreSQL (SQLite already has one writer), so two owners demoting each other at the
/// same moment cannot both pass the "not the last owner" check.
/// </summary>
internal static class OrganizationLock
{
    public static Task AcquireAsync(HangarDbContext db, Guid organizationId, CancellationToken cancellationToken) =>
        db.Organizations.Where(o => o.Id == organizationId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.UpdatedAt, o => o.UpdatedAt), cancellationToken);
}
