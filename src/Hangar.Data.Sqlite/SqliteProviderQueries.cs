using Hangar.Data.Queries;
using Microsoft.Data.Sqlite;

namespace Hangar.Data.Sqlite;

/// <summary>
/// Hangar's hand-written statements on SQLite. The device snapshot query runs on open connections of its own, each
/// with the query prepared on it. Microsoft.Data.Sqlite keeps a
/// statement prepared only as long as its command and connection stay open, and EF Core closes its connection after
/// every query, so through EF SQLite compiled the check's statement on every check: most of what a check cost.
/// A check takes a connection for the query alone (Microsoft.Data.Sqlite runs synchronously, so a few connections
/// serve any number of concurrent checks) and gives it back.
/// </summary>
/// <param name="connectionString">The server's database (its pragmas and path already applied).</param>
public sealed class SqliteProviderQueries(string connectionString) : IProviderQueries, IDisposable
{
    /// <summary>The snapshot query; the parameters are bound as text.</summary>
    public static readonly string SnapshotSql = DeviceSnapshot.Sql(column => $"group_concat({column}, char(10))", "@device", "@organization");

    // Beyond this many idle connections a returned one is closed: only a burst on many threads opens more.
    private const int MaxIdle = 16;

    private readonly Stack<PreparedSnapshotQuery> _idle = new();
    private readonly Lock _lock = new();

    // The server's database, outside Microsoft.Data.Sqlite's pool: these connections are read-only, and must never be
    // handed to a writer.
    private readonly string _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
    private bool _disposed;

    /// <summary>Completes synchronously: Microsoft.Data.Sqlite has no asynchronous reads.</summary>
    public ValueTask<DeviceSnapshot?> FindDeviceSnapshotAsync(Guid organizationId, Guid deviceId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Find(organizationId, deviceId));

    private DeviceSnapshot? Find(Guid organizationId, Guid deviceId)
    {
        var query = Rent() ?? PreparedSnapshotQuery.Open(_connectionString);
        try
        {
            var snapshot = query.Run(organizationId, deviceId);
            Return(query);
            return snapshot;
        }
        catch
        {
            // A connection that failed mid-query is not trusted again.
            query.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            while (_idle.TryPop(out var query))
            {
                query.Dispose();
            }
        }
    }

    private PreparedSnapshotQuery? Rent()
    {
        lock (_lock)
        {
            return _idle.TryPop(out var query) ? query : null;
        }
    }

    private void Return(PreparedSnapshotQuery query)
    {
        lock (_lock)
        {
            if (!_disposed && _idle.Count < MaxIdle)
            {
                _idle.Push(query);
                return;
            }
        }

        query.Dispose();
    }

    /// <summary>One open connection and the prepared query on it; used by one check at a time.</summary>
    private sealed class PreparedSnapshotQuery : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _command;
        private readonly SqliteParameter _device;
        private readonly SqliteParameter _organization;

        private PreparedSnapshotQuery(SqliteConnection connection)
        {
            _connection = connection;
            _command = connection.CreateCommand();
            _command.CommandText = SnapshotSql;
            // Text, as EF Core stores GUIDs in SQLite (upper case); Microsoft.Data.Sqlite would bind a Guid as a blob.
            _device = _command.Parameters.Add("@device", SqliteType.Text);
            _organization = _command.Parameters.Add("@organization", SqliteType.Text);
            _command.Prepare();
        }

        public static PreparedSnapshotQuery Open(string connectionString)
        {
            var connection = new SqliteConnection(connectionString);
            try
            {
                connection.Open();
                // These connections only read; the server's per-connection pragmas are about writes.
                using (var readOnly = connection.CreateCommand())
                {
                    readOnly.CommandText = "PRAGMA query_only=ON;";
                    readOnly.ExecuteNonQuery();
                }

                return new PreparedSnapshotQuery(connection);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        public DeviceSnapshot? Run(Guid organizationId, Guid deviceId)
        {
            _device.Value = deviceId;
            _organization.Value = organizationId;
            using var reader = _command.ExecuteReader();
            return reader.Read() ? DeviceSnapshot.Read(reader) : null;
        }

        public void Dispose()
        {
            _command.Dispose();
            _connection.Dispose();
        }
    }
}
