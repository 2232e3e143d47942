using Hangar.Testing.Postgres;

namespace Hangar.Testing;

/// <summary>One PostgreSQL cluster per test process; each test server gets its own database in it.</summary>
public static class SharedPostgres
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgresCluster? _cluster;

    public static async Task<PostgresCluster> GetAsync(CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (_cluster is null)
            {
                _cluster = await PostgresCluster.StartAsync(cancellationToken);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => _cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            return _cluster;
        }
        finally
        {
            Gate.Release();
        }
    }
}
