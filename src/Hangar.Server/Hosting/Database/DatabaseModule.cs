using Hangar.Data;
using Hangar.Data.Postgres;
using Hangar.Data.Sqlite;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Events;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Hosting.Database;

internal static class DatabaseModule
{
    public static IServiceCollection AddHangarDatabase(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddSingleton<SqlitePragmas>();
        services.AddHostedService<DatabaseMigrator>();
        services.AddDbContext<HangarDbContext>((provider, builder) =>
        {
            var database = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            if (database.Provider == DatabaseProvider.Postgres)
            {
                builder.UseHangarPostgres(database.ConnectionString!);
            }
            else
            {
                builder.UseHangarSqlite(SqliteConnectionString(database, provider.GetRequiredService<IOptions<ServerOptions>>().Value));
                builder.AddInterceptors(provider.GetRequiredService<SqlitePragmas>());
            }

            builder.AddInterceptors(provider.GetRequiredService<AuditSaveChangesInterceptor>(), provider.GetRequiredService<EventSaveChangesInterceptor>());
        });
        return services;
    }

    private static string SqliteConnectionString(DatabaseOptions database, ServerOptions server)
    {
        var builder = new SqliteConnectionStringBuilder(database.ConnectionString ?? "")
        {
            ForeignKeys = true,
            Pooling = true,
            // Microsoft.Data.Sqlite retries a locked database for this long; writers queue behind BEGIN IMMEDIATE.
            DefaultTimeout = 30,
        };
        if (string.IsNullOrEmpty(builder.DataSource))
        {
            builder.DataSource = server.DataPath("hangar.db");
        }

        return builder.ToString();
    }
}
