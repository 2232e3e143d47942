using Microsoft.Data.Sqlite;
using Npgsql;

namespace Hangar.Server.Hosting.Database;

/// <summary>
/// Recognises "the database cannot serve right now" on either provider, wherever EF Core wrapped it: PostgreSQL
/// refusing or dropping connections (stopped, restarting, out of connections), SQLite's file locked by another
/// process for longer than <c>Database:SqliteBusyTimeoutSeconds</c>. Such requests are answered 503 with Retry-After;
/// the next request simply tries again, so recovery needs nothing.
/// </summary>
internal static class DatabaseUnavailable
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteCantOpen = 14;

    public static bool Is(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SqliteException sqlite when sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked or SqliteCantOpen:
                case PostgresException postgres when IsUnavailableState(postgres.SqlState):
                    return true;
                case PostgresException:
                    // The server answered: the statement failed, the database is there.
                    return false;
                case NpgsqlException:
                    // Npgsql's own exceptions without a server answer: connecting or talking to the server failed.
                    return true;
            }
        }

        return false;
    }

    // 08: connection exceptions; 53: insufficient resources (too many connections); 57P: shutting down, starting up.
    private static bool IsUnavailableState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("53", StringComparison.Ordinal) || state.StartsWith("57P", StringComparison.Ordinal);
}
