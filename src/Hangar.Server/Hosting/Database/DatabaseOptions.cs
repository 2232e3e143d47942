using System.ComponentModel.DataAnnotations;

namespace Hangar.Server.Hosting.Database;

/// <summary>Section <c>Database</c>. SQLite needs nothing (the file lives in the data directory); PostgreSQL needs a connection string.</summary>
internal sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string? ConnectionString { get; set; }

    /// <summary>
    /// SQLite: how long a statement waits for a lock another connection or process holds before the request is answered
    /// 503 <c>database_unavailable</c>. Writers queue on SQLite's one write lock for milliseconds each; a wait this long
    /// means something else holds the file (a backup tool, a stuck process).
    /// </summary>
    [Range(1, 300)]
    public int SqliteBusyTimeoutSeconds { get; set; } = 5;

    /// <summary>The Retry-After of a 503 <c>database_unavailable</c> answer.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 5;
}
