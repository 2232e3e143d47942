using Hangar.Testing;

namespace Hangar.Server.Tests.Fixtures;

/// <summary>
/// A <see cref="ClockServer"/> (tests move its clock to make retries fall due) whose webhooks
/// may reach loopback receivers (the operator allow-list), with a one-hour retry window and two sends per endpoint.
/// </summary>
public abstract class WebhookServer(DatabaseKind database) : ClockServer(database)
{
    public static Dictionary<string, string?> WebhookSettings => new()
    {
        ["Webhooks:AllowedNetworks:0"] = "127.0.0.0/8",
        ["Webhooks:RequireHttps"] = "false",
        ["Webhooks:RetryWindowHours"] = "1",
        ["Webhooks:MaxConcurrencyPerEndpoint"] = "2",
    };

    protected override IReadOnlyDictionary<string, string?> Settings(Dictionary<string, string?> defaults) =>
        defaults.Concat(WebhookSettings).ToDictionary();
}
