using System.ComponentModel.DataAnnotations;

namespace Hangar.Server.Hosting.Observability;

/// <summary>Server telemetry: who may scrape <c>/metrics</c>, how fresh the fleet gauges are, and OTLP export.</summary>
internal sealed class ObservabilityOptions
{
    public const string Section = "Observability";

    /// <summary>
    /// The bearer token a Prometheus scraper presents: the only credential <c>/metrics</c> admits (it is the server
    /// operator's, not an organization's). Only its SHA-256 is kept in memory and compared in constant time; unset,
    /// nobody can scrape.
    /// </summary>
    [MinLength(32, ErrorMessage = "Observability:ScrapeToken must be at least 32 characters (e.g. openssl rand -hex 32).")]
    public string? ScrapeToken { get; init; }

    /// <summary>How often one background query refreshes the fleet gauges; scrapes never query the database.</summary>
    [Range(5, 3600)]
    public int FleetGaugeSeconds { get; init; } = 60;

    /// <summary>Releases with their own series in the release gauges (the most devices first); the rest are "other".</summary>
    [Range(1, 500)]
    public int FleetGaugeTopReleases { get; init; } = 20;

    /// <summary>(organization, product, cohort) groups with their own series; the rest are "other".</summary>
    [Range(1, 2000)]
    public int FleetGaugeTopGroups { get; init; } = 100;

    public OtlpExportOptions Otlp { get; init; } = new();
}
