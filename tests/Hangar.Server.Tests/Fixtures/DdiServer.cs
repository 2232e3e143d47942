using Hangar.Server.Hosting.Listeners;
using Hangar.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Fixtures;

/// <summary>
/// A server with the DDI token listener (plain http on 127.0.0.1:0) and auto-creation of unknown controllers into
/// the product <see cref="AutoCreateProduct"/>; <see cref="FailedTokensPerMinute"/> refused credentials (DDI tokens
/// and API keys together) per address.
/// </summary>
public abstract class DdiServer(DatabaseKind database, int failedTokensPerMinute = 1000) : ServerFixture(database)
{
    public const string AutoCreateProduct = "ddi-auto";

    public int FailedTokensPerMinute => failedTokensPerMinute;

    public Uri DdiBaseAddress => Server.Services.GetRequiredService<ListenerRegistry>().BaseAddress(ListenerKind.Ddi);

    protected override IReadOnlyDictionary<string, string?> Settings(Dictionary<string, string?> defaults) =>
        defaults.Where(setting => setting.Key != "RateLimits:RefusedCredentialsPerAddressPerMinute").Concat(new Dictionary<string, string?>
        {
            ["Server:DdiUrl"] = "http://127.0.0.1:0",
            ["Ddi:AutoCreateProduct"] = AutoCreateProduct,
            ["RateLimits:RefusedCredentialsPerAddressPerMinute"] = $"{failedTokensPerMinute}",
        }).ToDictionary();
}

public sealed class DdiSqliteServer() : DdiServer(DatabaseKind.Sqlite);

public sealed class DdiPostgresServer() : DdiServer(DatabaseKind.Postgres);

public sealed class DdiThrottledServer() : DdiServer(DatabaseKind.Sqlite, failedTokensPerMinute: 3);
