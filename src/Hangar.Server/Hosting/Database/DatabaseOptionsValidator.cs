using Microsoft.Extensions.Options;

namespace Hangar.Server.Hosting.Database;

internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options) =>
        options.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString)
            ? ValidateOptionsResult.Fail("Database:ConnectionString is required when Database:Provider is Postgres (e.g. \"Host=db;Database=hangar;Username=hangar;Password=...\").")
            : ValidateOptionsResult.Success;
}
