using System.Collections.Immutable;

namespace Hangar.Server.Hosting.Cluster;

/// <summary>Who listens to which topic on this node, and delivery to them (a failing subscriber never stops the others).</summary>
internal sealed class ClusterSubscriptions(ILogger<ClusterSubscriptions> logger)
{
    private ImmutableDictionary<string, ImmutableArray<Action<string?>>> _byTopic = ImmutableDictionary<string, ImmutableArray<Action<string?>>>.Empty;

    public IDisposable Add(string topic, Action<string?> changed)
    {
        ImmutableInterlocked.AddOrUpdate(ref _byTopic, topic, [changed], (_, existing) => existing.Add(changed));
        return new Subscription(() => ImmutableInterlocked.AddOrUpdate(ref _byTopic, topic, [], (_, existing) => existing.Remove(changed)));
    }

    public void Deliver(string topic, string key)
    {
        if (Volatile.Read(ref _byTopic).TryGetValue(topic, out var subscribers))
        {
            foreach (var subscriber in subscribers)
            {
                Run(subscriber, topic, key);
            }
        }
    }

    /// <summary>Tells every subscriber of every topic to forget everything.</summary>
    public void DeliverEverything()
    {
        foreach (var (topic, subscribers) in Volatile.Read(ref _byTopic))
        {
            foreach (var subscriber in subscribers)
            {
                Run(subscriber, topic, null);
            }
        }
    }

    private void Run(Action<string?> subscriber, string topic, string? key)
    {
        try
        {
            subscriber(key);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "A subscriber of {Topic} failed on a change signal", topic);
        }
    }

    private sealed class Subscription(Action remove) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                remove();
            }
        }
    }
}
