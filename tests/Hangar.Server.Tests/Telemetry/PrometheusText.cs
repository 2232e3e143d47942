using System.Globalization;
using System.Text;

namespace Hangar.Server.Tests.Telemetry;

/// <summary>
/// Reads sample lines of the Prometheus text format so tests can look values up. Whether the exposition is valid is
/// promtool's verdict (see <see cref="PromtoolTests"/>); this only extracts what those tests assert on.
/// </summary>
public sealed class PrometheusText
{
    private PrometheusText(IReadOnlyList<PrometheusSample> all) => All = all;

    public IReadOnlyList<PrometheusSample> All { get; }

    public IEnumerable<PrometheusSample> Samples(string name) => All.Where(s => s.Name == name);

    public static PrometheusText Parse(string text) =>
        new(text.Split('\n').Where(line => line.Length > 0 && line[0] != '#').Select(ParseLine).ToList());

    private static PrometheusSample ParseLine(string line)
    {
        var nameEnd = line.IndexOfAny(['{', ' ']);
        var name = line[..nameEnd];
        var labels = new Dictionary<string, string>();
        var position = nameEnd;
        if (line[position] == '{')
        {
            position++;
            while (line[position] != '}')
            {
                var equals = line.IndexOf('=', position);
                var label = line[position..equals].TrimStart(',');
                var value = new StringBuilder();
                position = equals + 2;
                for (; line[position] != '"'; position++)
                {
                    if (line[position] == '\\')
                    {
                        position++;
                        value.Append(line[position] == 'n' ? '\n' : line[position]);
                    }
                    else
                    {
                        value.Append(line[position]);
                    }
                }

                labels[label] = value.ToString();
                position++;
                if (line[position] == ',')
                {
                    position++;
                }
            }

            position++;
        }

        var fields = line[position..].Trim().Split(' ');
        var number = fields[0] switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            var other => double.Parse(other, CultureInfo.InvariantCulture),
        };
        return new PrometheusSample(name, labels, number);
    }
}
