using Microsoft.EntityFrameworkCore;
using Npgsql;

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

    /// <summary>
    /// The server's: its connections belong to a data source it owns, so they close when the server stops. A bare
    /// connection string leaves them in Npgsql's process-wide pool until they idle out, which is what an embedding
    /// host (a test run starting hundreds of servers) cannot afford against max_connections.
    /// </summary>
    public static DbContextOptionsBuilder UseHangarPostgres(this DbContextOptionsBuilder builder, NpgsqlDataSource dataSource) =>
        builder
            .UseNpgsql(dataSource, npgsql => npgsql.MigrationsAssembly(MigrationsAssemblyName))
            .UseSnakeCaseNamingConvention();
}
