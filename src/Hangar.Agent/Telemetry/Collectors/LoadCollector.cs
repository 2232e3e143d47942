using System.Globalization;

namespace Hangar.Agent.Telemetry.Collectors;

/// <summary>The load averages over 1, 5 and 15 minutes: the first three numbers of <c>/proc/loadavg</c>.</summary>
internal static class LoadCollector
{
    public static (double One, double Five, double Fifteen)? Read(string root)
    {
        if (SystemFiles.Read(root, "proc/loadavg")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is not [var one, var five, var fifteen, ..])
        {
            return null;
        }

        return Number(one) is { } a && Number(five) is { } b && Number(fifteen) is { } c ? (a, b, c) : null;
    }

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
