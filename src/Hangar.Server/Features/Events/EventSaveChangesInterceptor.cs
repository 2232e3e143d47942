using Hangar.Data;
using Hangar.Data.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hangar.Server.Features.Events;

/// <summary>
/// The transactional outbox: adds the recorded events (and their outbox entries) to the save that performs the
/// change, so both commit or neither does; after the save, wakes the stream and the webhook dispatcher. One instance
/// serves every context; the events are those of the <see cref="EventRecorder"/> of the scope the context belongs to.
/// </summary>
internal sealed class EventSaveChangesInterceptor(EventSignal signal) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddEvents(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddEvents(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Rollback(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Rollback(eventData.Context);
        return Task.CompletedTask;
    }

    private static EventRecorder? RecorderOf(DbContext? context) =>
        (context as HangarDbContext)?.ScopeServices?.GetService<EventRecorder>();

    private static void AddEvents(DbContext? context)
    {
        if (context is null || RecorderOf(context) is not { } recorder)
        {
            return;
        }

        var pending = recorder.TakePending();
        foreach (var item in pending)
        {
            context.Add(item.Event);
            if (item.PublishToWebhooks)
            {
                context.Add(new EventOutboxEntry { EventId = item.Event.Id, OrganizationId = item.Event.OrganizationId });
            }
        }

        recorder.InFlight.AddRange(pending);
    }

    private void Saved(DbContext? context)
    {
        if (RecorderOf(context) is not { InFlight.Count: > 0 } recorder)
        {
            return;
        }

        recorder.InFlight.Clear();
        signal.Notify();
    }

    // A failed save rolls back: the events go back to the recorder so a retried save carries them again.
    private static void Rollback(DbContext? context)
    {
        if (context is null || RecorderOf(context) is not { InFlight.Count: > 0 } recorder)
        {
            return;
        }

        var ids = recorder.InFlight.Select(e => e.Event.Id).ToHashSet();
        foreach (var tracked in context.ChangeTracker.Entries()
                     .Where(e => e.State == EntityState.Added && e.Entity is Event or EventOutboxEntry).ToList())
        {
            var id = tracked.Entity is Event evt ? evt.Id : ((EventOutboxEntry)tracked.Entity).EventId;
            if (ids.Contains(id))
            {
                tracked.State = EntityState.Detached;
            }
        }

        recorder.Restore([.. recorder.InFlight]);
        recorder.InFlight.Clear();
    }
}
