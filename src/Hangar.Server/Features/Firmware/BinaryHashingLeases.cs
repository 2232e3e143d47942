using Hangar.Core.Firmware;
using Hangar.Data;
using Hangar.Data.Firmware;
using Hangar.Data.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Firmware;

/// <summary>
/// Which node hashes which binary. A claim is one conditional UPDATE (state hashing, same upload generation, no live
/// lease), so of several nodes racing for a binary exactly one sees a row changed: on PostgreSQL a second UPDATE waits
/// for the first and re-checks the condition, and SQLite has one writer. The lease expires unless renewed, so the work
/// of a node that died is taken over.
/// </summary>
internal sealed class BinaryHashingLeases(HangarDbContext db, TimeProvider time, IOptions<FirmwareOptions> options)
{
    private const int Candidates = 10;

    public TimeSpan Duration => TimeSpan.FromSeconds(options.Value.HashingLeaseSeconds);

    /// <summary>The oldest binary in hashing that no node holds, now held by <paramref name="node"/>; null when there is none.</summary>
    public async Task<Binary?> ClaimNextAsync(Guid node, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var candidates = await db.Binaries.IgnoreQueryFilters([TenantFilter.Name]).AsNoTracking()
            .Where(b => b.State == BinaryState.Hashing && (b.HashingLeaseExpiresAt == null || b.HashingLeaseExpiresAt <= now))
            .OrderBy(b => b.UpdatedAt).Take(Candidates).ToListAsync(cancellationToken);
        foreach (var candidate in candidates)
        {
            var expiresAt = now + Duration;
            var claimed = await db.Binaries.IgnoreQueryFilters([TenantFilter.Name])
                .Where(b => b.Id == candidate.Id && b.State == BinaryState.Hashing && b.UploadGeneration == candidate.UploadGeneration
                    && (b.HashingLeaseExpiresAt == null || b.HashingLeaseExpiresAt <= now))
                .ExecuteUpdateAsync(b => b.SetProperty(x => x.HashingLeaseOwner, node).SetProperty(x => x.HashingLeaseExpiresAt, expiresAt), cancellationToken);
            if (claimed == 1)
            {
                candidate.HashingLeaseOwner = node;
                candidate.HashingLeaseExpiresAt = expiresAt;
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Extends the lease; false when <paramref name="node"/> no longer holds it (it expired and another node took over, or the binary was reset).</summary>
    public async Task<bool> RenewAsync(Binary binary, Guid node, CancellationToken cancellationToken)
    {
        var expiresAt = time.GetUtcNow().UtcDateTime + Duration;
        return await Held(binary, node).ExecuteUpdateAsync(b => b.SetProperty(x => x.HashingLeaseExpiresAt, expiresAt), cancellationToken) == 1;
    }

    /// <summary>Gives the binary back at once (a node stopping cleanly), so another node need not wait for the lease to expire.</summary>
    public Task ReleaseAsync(Binary binary, Guid node, CancellationToken cancellationToken) =>
        Held(binary, node).ExecuteUpdateAsync(b => b
            .SetProperty(x => x.HashingLeaseOwner, (Guid?)null)
            .SetProperty(x => x.HashingLeaseExpiresAt, (DateTime?)null), cancellationToken);

    /// <summary>The binary, if it is still in hashing at the claimed generation under <paramref name="node"/>'s lease.</summary>
    public IQueryable<Binary> Held(Binary binary, Guid node) =>
        db.Binaries.IgnoreQueryFilters([TenantFilter.Name]).Where(b => b.Id == binary.Id && b.State == BinaryState.Hashing
            && b.UploadGeneration == binary.UploadGeneration && b.HashingLeaseOwner == node);
}
