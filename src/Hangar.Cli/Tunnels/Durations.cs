using System.Globalization;

namespace Hangar.Cli.Tunnels;

/// <summary>Reads <c>90s</c>, <c>30m</c>, <c>2h</c> or a bare number of seconds.</summary>
internal static class Durations
{
    public static bool TryParseSeconds(string? text, out int seconds)
    {
        seconds = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var unit = text[^1] switch { 's' => 1, 'm' => 60, 'h' => 3600, 'd' => 86_400, _ => 0 };
        var number = unit == 0 ? text : text[..^1];
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            return false;
        }

        seconds = value * Math.Max(unit, 1);
        return true;
    }
}
