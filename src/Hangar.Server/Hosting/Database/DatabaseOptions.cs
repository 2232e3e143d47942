namespace Hangar.Server.Hosting.Database;

/// <summary>Section <c>Database</c>. SQLite needs nothing (the file lives in the data directory); PostgreSQL needs a connection string.</summary>
internal sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string? ConnectionString { get; set; }
}
