using Hangar.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Hangar.Server.Tests.Fixtures;

/// <summary>
/// A server whose clock is a <see cref="FakeTimeProvider"/> (tests move it to make retries fall due), whose webhooks
/// may reach loopback receivers (the operator allow-list), with a one-hour retry window and two sends per endpoint.
/// </summary>
public abstract class WebhookServer(DatabaseKind database) : ServerFixture(database)
{
    public FakeTimeProvider Time { get; } = new(TimeProvider.System.GetUtcNow());

    public static Dictionary<string, string?> WebhookSettings => new()
    {
        ["Webhooks:AllowedNetworks:0"] = "127.0.0.0/8",
        ["Webhooks:RequireHttps"] = "false",
        ["Webhooks:RetryWindowHours"] = "1",
        ["Webhooks:MaxConcurrencyPerEndpoint"] = "2",
    };

    protected override IReadOnlyDictionary<string, string?> Settings(Dictionary<string, string?> defaults) =>
        defaults.Concat(WebhookSettings).ToDictionary();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Time);
    }
}
