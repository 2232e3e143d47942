using Microsoft.EntityFrameworkCore;

namespace Hangar.Data.Sqlite;

/// <summary>How Hangar talks to SQLite: the one place both the server and the migrations tooling configure it.</summary>
public static class SqliteDatabase
{
    public static DbContextOptionsBuilder UseHangarSqlite(this DbContextOptionsBuilder builder, string connectionString) =>
        builder
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name))
            .UseSnakeCaseNamingConvention();
}
