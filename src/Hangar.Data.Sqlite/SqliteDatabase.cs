using Microsoft.EntityFrameworkCore;

namespace Hangar.Data.Sqlite;

/// <summary>How Hangar talks to SQLite: the one place both the server and the migrations tooling configure it.</summary>
public static class SqliteDatabase
{
    // Options are built for every DbContext (every request), and Assembly.GetName() parses metadata each time.
    private static readonly string? MigrationsAssemblyName = typeof(SqliteDatabase).Assembly.GetName().Name;

    public static DbContextOptionsBuilder UseHangarSqlite(this DbContextOptionsBuilder builder, string connectionString) =>
        builder
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(MigrationsAssemblyName))
            .UseSnakeCaseNamingConvention();
}
