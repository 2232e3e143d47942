using Hangar.Data.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hangar.Server.Features.Events;

/// <summary>
/// The transactional outbox: adds the recorded events (and their outbox entries) to the save that performs the
/// change, so both commit or neither does; after the save, wakes the stream and the webhook dispatcher.
/// </summary>
internal sealed class EventSaveChangesInterceptor(EventRecorder recorder, EventSignal signal) : SaveChangesInterceptor
{
    private List<EventRecorder.PendingEvent> _inFlight = [];

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
        Saved();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved();
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Rollback(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Rollback(eventData.Context);
        return Task.CompletedTask;
    }

    private void AddEvents(DbContext? context)
    {
        if (context is null)
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

        _inFlight.AddRange(pending);
    }

    private void Saved()
    {
        if (_inFlight.Count == 0)
        {
            return;
        }

        _inFlight = [];
        signal.Notify();
    }

    // A failed save rolls back: the events go back to the recorder so a retried save carries them again.
    private void Rollback(DbContext? context)
    {
        if (context is null || _inFlight.Count == 0)
        {
            return;
        }

        var ids = _inFlight.Select(e => e.Event.Id).ToHashSet();
        foreach (var tracked in context.ChangeTracker.Entries()
                     .Where(e => e.State == EntityState.Added && e.Entity is Event or EventOutboxEntry).ToList())
        {
            var id = tracked.Entity is Event evt ? evt.Id : ((EventOutboxEntry)tracked.Entity).EventId;
            if (ids.Contains(id))
            {
                tracked.State = EntityState.Detached;
            }
        }

        recorder.Restore(_inFlight);
        _inFlight = [];
    }
}
