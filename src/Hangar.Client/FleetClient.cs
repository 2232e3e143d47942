using Hangar.Contracts.Fleet;

namespace Hangar.Client;

/// <summary>The organization's fleet summary.</summary>
public sealed class FleetClient(ApiTransport transport)
{
    /// <summary>
    /// Device counts, the releases and versions each cohort reports, update outcomes and adoption per release;
    /// <paramref name="product"/> and <paramref name="cohort"/> (an id, resource name or name) narrow it, and
    /// <paramref name="days"/> sets the adoption window (the server's default when null).
    /// </summary>
    public Task<FleetSummaryResponse> SummaryAsync(string? product = null, string? cohort = null, int? days = null, CancellationToken cancellationToken = default)
    {
        var query = new[] { ("product", product), ("cohort", cohort), ("days", days?.ToString(System.Globalization.CultureInfo.InvariantCulture)) }
            .Where(p => p.Item2 is not null)
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}");
        return transport.GetAsync<FleetSummaryResponse>("api/v1/fleet/summary" + (query.Any() ? "?" + string.Join("&", query) : ""), cancellationToken);
    }
}
