using System.Globalization;
using System.Net.Http.Headers;
using Hangar.Server.Tests.Fixtures;
using Hangar.Testing;

namespace Hangar.Server.Tests.Telemetry;

/// <summary>A scrape of <c>/metrics</c> with the scrape token, and the values of its series.</summary>
internal sealed class Exposition(string text)
{
    public string Text => text;

    public static async Task<Exposition> ScrapeAsync(HangarTestServer server, CancellationToken cancellationToken)
    {
        using var http = server.CreateHttpClient(null);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", MetricsServer.ScrapeToken);
        return new Exposition(await http.GetStringAsync("metrics", cancellationToken));
    }

    /// <summary>The sum of the series named <paramref name="name"/> carrying every label given (<c>key="value"</c>), or null when there is none.</summary>
    public double? Value(string name, params string[] labels)
    {
        double? sum = null;
        foreach (var line in text.Split('\n'))
        {
            if (!(line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
                || !labels.All(label => line.Contains(label, StringComparison.Ordinal)))
            {
                continue;
            }

            // The value follows the labels; a timestamp may follow the value.
            var afterLabels = line[(line.LastIndexOf('}') + 1)..].Trim();
            var value = afterLabels.Split(' ')[0];
            sum = (sum ?? 0) + double.Parse(value, CultureInfo.InvariantCulture);
        }

        return sum;
    }
}
