using System.Security.Cryptography;
using System.Threading.Channels;
using Hangar.Server.Hosting.Database;
using Npgsql;

namespace Hangar.Server.Hosting.Cluster;

/// <summary>
/// The change signal between nodes on one PostgreSQL database: NOTIFY on one channel, LISTEN on a connection of its
/// own. Sends are batched (a burst of changes costs one round trip) and retried until they go out. The listening
/// connection is re-opened whenever it drops (terminated backend, restarted server, network), and every time it
/// starts listening — the first time too — all subscribers forget everything, since whatever was sent while it was
/// not listening is lost. Likewise, when more changes wait to be sent than <see cref="MaxPending"/>, they are
/// replaced by one "everything" message.
/// </summary>
internal sealed class PostgresClusterSignal(DatabaseConnection database, ClusterSubscriptions subscriptions, TimeProvider time, ILogger<PostgresClusterSignal> logger)
    : BackgroundService, IClusterSignal
{
    public const string Channel = "hangar_changes";
    /// <summary>How the listening connection shows in <c>pg_stat_activity</c>.</summary>
    public const string ListenerApplicationName = "hangar-change-listener";
    public const int MaxPending = 10_000;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly string _node = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
    private readonly Channel<bool> _wake = System.Threading.Channels.Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock _gate = new();
    private HashSet<(string Topic, string Key)> _pending = [];
    private bool _pendingEverything;
    private List<TaskCompletionSource> _waiting = [];

    private readonly Lazy<NpgsqlDataSource> _sender = new(() => NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString)
    {
        ApplicationName = "hangar-change-sender",
        MaxPoolSize = 2,
    }));

    private readonly Lazy<NpgsqlDataSource> _listener = new(() => NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString)
    {
        ApplicationName = ListenerApplicationName,
        // One long-lived connection; a dropped one is replaced, never handed back by a pool.
        Pooling = false,
        // An idle LISTEN connection learns of a dead peer only by talking to it.
        KeepAlive = 10,
    }));

    public IDisposable Subscribe(string topic, Action<string?> changed) => subscriptions.Add(topic, changed);

    public async Task PublishAsync(string topic, string key, CancellationToken cancellationToken)
    {
        subscriptions.Deliver(topic, key);
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            Queue([(topic, key)], everything: false);
            _waiting.Add(sent);
        }

        _wake.Writer.TryWrite(true);
        await sent.Task.WaitAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        database.Provider == DatabaseProvider.Postgres ? Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken)) : Task.CompletedTask;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var source in new[] { _sender, _listener }.Where(s => s.IsValueCreated))
        {
            await source.Value.DisposeAsync();
        }
    }

    private void Queue(IEnumerable<(string Topic, string Key)> changes, bool everything)
    {
        _pendingEverything |= everything;
        foreach (var change in changes)
        {
            if (_pending.Count >= MaxPending)
            {
                // Too many to send one by one: one "everything" message says as much.
                _pending.Clear();
                _pendingEverything = true;
            }

            if (!_pendingEverything)
            {
                _pending.Add(change);
            }
        }
    }

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        while (await WaitAsync(_wake.Reader.WaitToReadAsync(stoppingToken).AsTask()))
        {
            _wake.Reader.TryRead(out _);
            HashSet<(string Topic, string Key)> batch;
            bool everything;
            List<TaskCompletionSource> waiting;
            lock (_gate)
            {
                (batch, everything, waiting) = (_pending, _pendingEverything, _waiting);
                (_pending, _pendingEverything, _waiting) = ([], false, []);
            }

            try
            {
                await NotifyAsync(everything ? [(ClusterMessage.Everything, "")] : batch, stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Could not send {Count} change signals to the other nodes; retrying: {Reason}", everything ? 1 : batch.Count, exception.Message);
                lock (_gate)
                {
                    Queue(batch, everything);
                }

                if (await WaitAsync(Task.Delay(RetryDelay, time, stoppingToken)))
                {
                    _wake.Writer.TryWrite(true);
                }
            }
            finally
            {
                // The caller waits for the first attempt only; a failed send stays queued.
                waiting.ForEach(w => w.TrySetResult());
            }
        }
    }

    private async Task NotifyAsync(IEnumerable<(string Topic, string Key)> changes, CancellationToken cancellationToken)
    {
        await using var connection = await _sender.Value.OpenConnectionAsync(cancellationToken);
        foreach (var chunk in changes.Chunk(100))
        {
            await using var batch = new NpgsqlBatch(connection);
            foreach (var (topic, key) in chunk)
            {
                var command = new NpgsqlBatchCommand("SELECT pg_notify($1, $2)");
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Channel });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = new ClusterMessage(_node, topic, key).Payload });
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var interrupted = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _listener.Value.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, notification) => Receive(notification.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Whatever was sent while this node was not listening is lost: every cache forgets everything.
                subscriptions.DeliverEverything();
                if (interrupted)
                {
                    logger.LogInformation("Listening to other nodes' changes again; every cache was flushed");
                }

                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                interrupted = true;
                logger.LogWarning("Lost the connection that hears other nodes' changes; reconnecting (every cache is flushed then): {Reason}", exception.Message);
                await WaitAsync(Task.Delay(RetryDelay, time, stoppingToken));
            }
        }
    }

    /// <summary>False when the wait ended because the server is stopping.</summary>
    private static async Task<bool> WaitAsync(Task wait)
    {
        try
        {
            await wait;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Receive(string payload)
    {
        if (!ClusterMessage.TryParse(payload, out var message) || message.Node == _node)
        {
            return;
        }

        if (message.Topic == ClusterMessage.Everything)
        {
            subscriptions.DeliverEverything();
        }
        else
        {
            subscriptions.Deliver(message.Topic, message.Key);
        }
    }
}
