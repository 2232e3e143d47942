using System.Globalization;
using System.Text;
using Hangar.Contracts.Fleet;

namespace Hangar.Cli.Output;

/// <summary>The fleet summary as tables: device counts, what each cohort runs, release outcomes, adoption with a sparkline.</summary>
internal static class FleetViews
{
    private const string Blocks = "▁▂▃▄▅▆▇█";

    public static readonly ResourceView<FleetDeviceCountsResponse> Devices = new ResourceView<FleetDeviceCountsResponse>()
        .Add("DEVICES", d => d.Total)
        .Add("ONLINE", d => d.Online)
        .Add("OFFLINE > 24H", d => d.OfflineOver24h)
        .Add("NEVER CONNECTED", d => d.NeverConnected)
        .Add("QUARANTINED", d => d.Quarantined)
        .Add("UNHEALTHY", d => d.Unhealthy);

    public static readonly ResourceView<FleetCohortSummaryResponse> Cohorts = new ResourceView<FleetCohortSummaryResponse>()
        .Add("PRODUCT", c => c.ProductName)
        .Add("COHORT", c => c.CohortName ?? "(none)")
        .Add("DEVICES", c => c.Devices)
        .Add("RELEASES", c => string.Join(", ", c.Releases.Select(r => $"{r.ReleaseName ?? "(none)"}: {r.Devices}")))
        .Add("VERSIONS", c => string.Join(", ", c.Versions.Select(v => $"{v.Version ?? "(none)"}: {v.Devices}")));

    public static readonly ResourceView<FleetReleaseOutcomesResponse> Releases = new ResourceView<FleetReleaseOutcomesResponse>()
        .Add("RELEASE", r => r.ReleaseName)
        .Add("COMMITTED", r => r.Committed)
        .Add("FAILED", r => r.Failed)
        .Add("ROLLED BACK", r => r.RolledBack)
        .Add("ABORTED", r => r.Aborted)
        .Add("IN PROGRESS", r => r.InProgress)
        .Add("SUCCESS", r => Percent(r.SuccessRate))
        .Add("FAILURE", r => Percent(r.FailureRate));

    public static readonly ResourceView<FleetReleaseAdoptionResponse> Adoption = new ResourceView<FleetReleaseAdoptionResponse>()
        .Add("RELEASE", a => a.ReleaseName)
        .Add("ADOPTED", a => a.Days.Count == 0 ? 0 : a.Days[^1].Adopted)
        .Add("IN WINDOW", a => a.Days.Sum(d => d.Committed))
        .Add("PER DAY", a => Sparkline(a.Days.Select(d => d.Adopted).ToList()));

    private static string? Percent(double? rate) => rate?.ToString("P1", CultureInfo.InvariantCulture);

    /// <summary>One block per day, scaled from zero to the release's largest figure in the window.</summary>
    private static string Sparkline(List<long> values)
    {
        var max = values.Count == 0 ? 0 : values.Max();
        var text = new StringBuilder(values.Count);
        foreach (var value in values)
        {
            text.Append(Blocks[max == 0 ? 0 : (int)Math.Round((double)value / max * (Blocks.Length - 1))]);
        }

        return text.ToString();
    }
}
