namespace Hangar.Server.Hosting.Cluster;

/// <summary>
/// Tells every node's caches that something changed: a topic (what kind of thing, e.g. a cache) and a key (which
/// one). The only channel between nodes besides the database rows themselves. Delivery to other nodes is at most
/// once and may lag; after any gap in which messages may have been lost (a dropped connection, an overflowing
/// queue), every subscriber is told that <em>everything</em> may have changed, so a cache never keeps a stale entry
/// because a message went missing.
/// </summary>
internal interface IClusterSignal
{
    /// <summary>
    /// Runs this node's subscribers of <paramref name="topic"/> at once, then sends the change to the other nodes.
    /// Call it after the change committed. Never throws for a failed send: it is retried in the background.
    /// </summary>
    Task PublishAsync(string topic, string key, CancellationToken cancellationToken);

    /// <summary>
    /// <paramref name="changed"/> is called with the key of each change to <paramref name="topic"/>, and with null
    /// when anything may have changed (forget everything). Called on the signal's thread: keep it short.
    /// </summary>
    IDisposable Subscribe(string topic, Action<string?> changed);
}
