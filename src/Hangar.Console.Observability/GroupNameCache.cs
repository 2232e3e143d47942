using Hangar.Client;
using Hangar.Contracts.Telemetry;

namespace Hangar.Console.Observability;

/// <summary>
/// Names for the groups of a fleet metric, which the API keys by id (products, cohorts, releases) or by tag. Each id is
/// asked for once per page: a fleet has few products and cohorts, and the releases devices report are a handful.
/// </summary>
internal sealed class GroupNameCache
{
    private readonly Dictionary<(string GroupBy, string Key), string> _names = [];

    public async Task<IReadOnlyList<GroupValue>> LabelAsync(HangarClient client, FleetMetricsResponse metrics)
    {
        var rows = new List<GroupValue>(metrics.Groups.Count);
        foreach (var group in metrics.Groups)
        {
            rows.Add(new GroupValue(await NameAsync(client, metrics.GroupBy, group.Key), group.Devices, group.Value));
        }

        // The API orders groups by key (an id for most); people look for names.
        return [.. rows.OrderBy(row => row.Label, StringComparer.OrdinalIgnoreCase)];
    }

    private async Task<string> NameAsync(HangarClient client, string groupBy, string? key)
    {
        if (key is null)
        {
            // Only cohort and release group devices that may have none; a product is always set.
            return groupBy == "release" ? "(no release reported)" : "(no cohort)";
        }

        if (groupBy == "tag")
        {
            return key;
        }

        if (_names.TryGetValue((groupBy, key), out var known))
        {
            return known;
        }

        string name;
        try
        {
            name = groupBy switch
            {
                "product" => (await client.Products.GetAsync(key)).Name,
                "cohort" => (await client.Cohorts.GetAsync(key)).Name,
                _ => (await client.Releases.GetAsync(key)).Name,
            };
        }
        catch (HangarApiException e) when (e.Status == System.Net.HttpStatusCode.NotFound)
        {
            // Deleted since its devices reported: the id is all there is.
            name = $"{key} (deleted)";
        }

        _names[(groupBy, key)] = name;
        return name;
    }
}
