using Hangar.Data;
using Hangar.Data.Postgres;
using Hangar.Data.Sqlite;
using Hangar.Data.Tenancy;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hangar.Server.Hosting.Database;

internal static class DatabaseModule
{
    public static IServiceCollection AddHangarDatabase(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddSingleton<SqlitePragmas>();
        services.AddSingleton<DatabaseMetrics>();
        services.AddHostedService<DatabaseMigrator>();
        // One per scope, read by every context of that scope: the tenant is the unit of work's, not a context's.
        services.AddScoped<TenantContext>();
        services.AddSingleton(provider => new DatabaseConnection(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value,
            provider.GetRequiredService<IOptions<ServerOptions>>().Value));
        // Resolved only on PostgreSQL; the container disposes it with the server, closing the pooled connections.
        services.AddSingleton(provider => NpgsqlDataSource.Create(provider.GetRequiredService<DatabaseConnection>().ConnectionString));
        // Built once for every context (a request's context then costs microseconds, not the tens it took to build
        // options per request): everything in them is a singleton, and the save interceptors find the request's
        // state through the context (HangarDbContext.ScopeServices).
        services.AddDbContext<HangarDbContext>((provider, builder) =>
        {
            var connection = provider.GetRequiredService<DatabaseConnection>();
            if (connection.Provider == DatabaseProvider.Postgres)
            {
                builder.UseHangarPostgres(provider.GetRequiredService<NpgsqlDataSource>());
            }
            else
            {
                builder.UseHangarSqlite(connection.ConnectionString);
                builder.AddInterceptors(provider.GetRequiredService<SqlitePragmas>());
            }

            // Features register theirs (audit rows, events and their outbox) and they run in that order: the database
            // knows none of them.
            builder.AddInterceptors(provider.GetServices<ISaveChangesInterceptor>());
            builder.AddInterceptors(provider.GetRequiredService<DatabaseMetrics>());
        }, contextLifetime: ServiceLifetime.Scoped, optionsLifetime: ServiceLifetime.Singleton);
        return services;
    }
}
