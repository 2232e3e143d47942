using Microsoft.EntityFrameworkCore;

namespace Hangar.Data.Postgres;

/// <summary>How Hangar talks to PostgreSQL: the one place both the server and the migrations tooling configure it.</summary>
public static class PostgresDatabase
{
    public static DbContextOptionsBuilder UseHangarPostgres(this DbContextOptionsBuilder builder, string connectionString) =>
        builder
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgresDatabase).Assembly.GetName().Name))
            .UseSnakeCaseNamingConvention();
}
