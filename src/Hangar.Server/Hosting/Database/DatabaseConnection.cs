using Microsoft.Data.Sqlite;

namespace Hangar.Server.Hosting.Database;

/// <summary>The database provider and the full connection string the server uses, worked out once from the options.</summary>
internal sealed class DatabaseConnection(DatabaseOptions database, ServerOptions server)
{
    public DatabaseProvider Provider { get; } = database.Provider;

    public string ConnectionString { get; } = database.Provider == DatabaseProvider.Postgres ? database.ConnectionString! : SqliteConnectionString(database, server);

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
