using Hangar.Data;
using Hangar.Data.System;
using Hangar.Server.Hosting.Database;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Hosting.Leases;

/// <summary>
/// Named leases in the <c>leases</c> table, so that work several nodes could do is done by one at a time: a node
/// that holds a lease renews it by acquiring it again before it expires; another node takes it over only once it has
/// expired (its holder stopped or lost the database). Each attempt is one conditional UPDATE (or the first INSERT),
/// atomic on both providers. Holders are this process's <see cref="Holder"/>, so two servers never share one.
/// </summary>
internal sealed class LeaseTable(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>This process as a lease holder: unique per start.</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.CreateVersion7():N}";

    /// <summary>Takes or renews <paramref name="name"/> for <paramref name="duration"/>; false while another node holds it.</summary>
    public async Task<bool> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var expires = now + duration;
        var holder = Holder;
        var taken = await db.Leases.Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt <= now))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, expires), cancellationToken);
        if (taken == 1)
        {
            return true;
        }

        if (await db.Leases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            return false;
        }

        db.Leases.Add(new Lease { Name = name, Holder = holder, ExpiresAt = expires });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            return false;
        }
    }

    /// <summary>Gives the lease up (on a clean stop), so another node need not wait for it to expire.</summary>
    public async Task ReleaseAsync(string name, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        var holder = Holder;
        await db.Leases.Where(l => l.Name == name && l.Holder == holder).ExecuteDeleteAsync(cancellationToken);
    }
}
