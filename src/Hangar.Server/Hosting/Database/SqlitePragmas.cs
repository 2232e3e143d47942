using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hangar.Server.Hosting.Database;

/// <summary>
/// Per-connection SQLite settings. WAL is a property of the file (set once at start); synchronous=FULL and
/// foreign keys are per connection, so every opened connection gets them: FULL makes a commit survive power loss.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
