using Hangar.Data;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Hosting.Database;

/// <summary>
/// Whether the database can take a write now, for health. On SQLite an open file is not enough (another process may
/// hold its write lock), so the probe takes the write lock and lets it go at once; on PostgreSQL it connects.
/// </summary>
internal static class DatabaseProbe
{
    public static async Task<bool> CanWriteAsync(HangarDbContext db, DatabaseProvider provider, CancellationToken cancellationToken)
    {
        try
        {
            if (provider == DatabaseProvider.Postgres)
            {
                return await db.Database.CanConnectAsync(cancellationToken);
            }

            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync("BEGIN IMMEDIATE; ROLLBACK;", cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }

            return true;
        }
        catch (Exception exception) when (DatabaseUnavailable.Is(exception))
        {
            return false;
        }
    }
}
