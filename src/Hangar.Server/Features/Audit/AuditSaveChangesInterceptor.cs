using Hangar.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hangar.Server.Features.Audit;

/// <summary>
/// Adds the request's audit row to the save that performs the audited change, so both commit or neither does. One
/// instance serves every context; the request's <see cref="AuditScope"/> is the one of the scope the context belongs to.
/// </summary>
internal sealed class AuditSaveChangesInterceptor(TimeProvider time) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddEntry(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddEntry(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Rollback(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Rollback(eventData.Context);
        return Task.CompletedTask;
    }

    private static AuditScope? ScopeOf(DbContext? context) =>
        (context as HangarDbContext)?.ScopeServices?.GetService<AuditScope>();

    private void AddEntry(DbContext? context)
    {
        if (context is null || ScopeOf(context) is not { IsArmed: true } scope)
        {
            return;
        }

        if (scope.TakeEntry(time.GetUtcNow().UtcDateTime, scope.SuccessStatus) is { } entry)
        {
            context.Add(entry);
        }
    }

    private static void Rollback(DbContext? context)
    {
        if (context is null || ScopeOf(context) is not { IsWritten: true } scope)
        {
            return;
        }

        foreach (var tracked in context.ChangeTracker.Entries<Data.Audit.AuditEntry>().Where(e => e.State == EntityState.Added).ToList())
        {
            tracked.State = EntityState.Detached;
        }

        scope.Unwrite();
    }
}
