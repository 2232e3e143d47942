using Hangar.Data.Postgres;
using Hangar.Data.Queries;
using Hangar.Data.Sqlite;
using Microsoft.Data.Sqlite;

namespace Hangar.Server.Hosting.Database;

/// <summary>The database provider and the full connection string the server uses, worked out once from the options.</summary>
internal sealed class DatabaseConnection(DatabaseOptions database, ServerOptions server)
{
    public DatabaseProvider Provider { get; } = database.Provider;

    public string ConnectionString { get; } = database.Provider == DatabaseProvider.Postgres ? database.ConnectionString! : SqliteConnectionString(database, server);

    /// <summary>
    /// The provider's hand-written statements, chosen here once with the provider; the server keeps one instance
    /// (it owns connections). <paramref name="postgresSnapshotConnections"/> caps the update check's on PostgreSQL.
    /// </summary>
    public IProviderQueries CreateQueries(int postgresSnapshotConnections) => Provider == DatabaseProvider.Postgres
        ? new PostgresProviderQueries(ConnectionString, postgresSnapshotConnections)
        : new SqliteProviderQueries(ConnectionString);

    private static string SqliteConnectionString(DatabaseOptions database, ServerOptions server)
    {
        var builder = new SqliteConnectionStringBuilder(database.ConnectionString ?? "")
        {
            ForeignKeys = true,
            Pooling = true,
            // Microsoft.Data.Sqlite retries a locked database for this long; writers queue behind BEGIN IMMEDIATE.
            DefaultTimeout = database.SqliteBusyTimeoutSeconds,
        };
        if (string.IsNullOrEmpty(builder.DataSource))
        {
            builder.DataSource = server.DataPath("hangar.db");
        }

        return builder.ToString();
    }
}
