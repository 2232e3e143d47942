using Hangar.Testing;

namespace Hangar.Server.Tests.Fixtures;

/// <summary>
/// A server with a scrape token and small label caps, so tests see the caps take effect. The fleet gauges refresh
/// at start and then only when a test asks (the interval is an hour). Its webhooks may reach loopback receivers.
/// </summary>
public abstract class MetricsServer(DatabaseKind database) : ServerFixture(database)
{
    public const string ScrapeToken = "scrape-token-for-tests-0123456789abcdef";
    public const int TopGroups = 3;
    public const int TopReleases = 2;

    protected override IReadOnlyDictionary<string, string?> Settings(Dictionary<string, string?> defaults) =>
        defaults.Concat(new Dictionary<string, string?>
        {
            ["Observability:ScrapeToken"] = ScrapeToken,
            ["Observability:FleetGaugeSeconds"] = "3600",
            ["Observability:FleetGaugeTopGroups"] = TopGroups.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Observability:FleetGaugeTopReleases"] = TopReleases.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Concat(WebhookServer.WebhookSettings).ToDictionary();
}
