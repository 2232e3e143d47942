using Hangar.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Hosting.Database;

/// <summary>
/// Brings the schema up to date before the server takes requests. Hosted services start in registration order and
/// Kestrel only after all of them, so nothing is served from an old schema. PostgreSQL migrations take a lock, so
/// several nodes starting together migrate once.
/// </summary>
internal sealed class DatabaseMigrator(IServiceProvider services, IOptions<DatabaseOptions> database, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        if (database.Value.Provider == DatabaseProvider.Sqlite)
        {
            var file = db.Database.GetDbConnection().DataSource;
            if (!string.IsNullOrEmpty(file) && Path.GetDirectoryName(Path.GetFullPath(file)) is { } directory)
            {
                Directory.CreateDirectory(directory);
            }

            // WAL persists in the database file: readers never block the writer and a crash never corrupts it.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.CloseConnectionAsync();
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (database.Value.Provider == DatabaseProvider.Postgres)
            {
                // EF Core's own migration lock is taken after it created its history table, so two nodes starting on an
                // empty database both try to create the schema; a session lock around the whole run lets one migrate
                // while the other waits and then finds nothing to do.
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLockId})", cancellationToken);
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} database migrations: {Migrations}", pending.Count, string.Join(", ", pending));
                await db.Database.MigrateAsync(cancellationToken);
            }
        }
        finally
        {
            if (database.Value.Provider == DatabaseProvider.Postgres)
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLockId})", CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>An arbitrary constant every Hangar node uses for its migration lock ("hangar" in ASCII).</summary>
    private const long MigrationLockId = 0x68616e676172;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
