using Microsoft.EntityFrameworkCore;

namespace Hangar.Data.Postgres;

/// <summary>How Hangar talks to PostgreSQL: the one place both the server and the migrations tooling configure it.</summary>
public static class PostgresDatabase
{
    // Options are built for every DbContext (every request), and Assembly.GetName() parses metadata each time.
    private static readonly string? MigrationsAssemblyName = typeof(PostgresDatabase).Assembly.GetName().Name;

    public static DbContextOptionsBuilder UseHangarPostgres(this DbContextOptionsBuilder builder, string connectionString) =>
        builder
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(MigrationsAssemblyName))
            .UseSnakeCaseNamingConvention();
}
