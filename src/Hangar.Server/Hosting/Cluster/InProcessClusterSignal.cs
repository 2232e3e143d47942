namespace Hangar.Server.Hosting.Cluster;

/// <summary>On SQLite there is one node (the database is a local file), so a change only concerns this process.</summary>
internal sealed class InProcessClusterSignal(ClusterSubscriptions subscriptions) : IClusterSignal
{
    public Task PublishAsync(string topic, string key, CancellationToken cancellationToken)
    {
        subscriptions.Deliver(topic, key);
        return Task.CompletedTask;
    }

    public IDisposable Subscribe(string topic, Action<string?> changed) => subscriptions.Add(topic, changed);
}
