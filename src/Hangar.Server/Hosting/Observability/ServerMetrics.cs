using System.Diagnostics.Metrics;

namespace Hangar.Server.Hosting.Observability;

/// <summary>Meter <c>Hangar.Metrics</c>: the scrape endpoint's own health.</summary>
internal sealed class ServerMetrics
{
    public const string MeterName = "Hangar.Metrics";

    private readonly Counter<long> _scrapeRefusals;

    public ServerMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _scrapeRefusals = meter.CreateCounter<long>("hangar.metrics.scrape.refusals", "{scrape}",
            "Scrapes of /metrics refused, by HTTP status (401 unauthenticated, 403 an organization's credential).");
    }

    public void ScrapeRefused(int status) =>
        _scrapeRefusals.Add(1, new KeyValuePair<string, object?>("status", status == StatusCodes.Status401Unauthorized ? "401" : "403"));
}
