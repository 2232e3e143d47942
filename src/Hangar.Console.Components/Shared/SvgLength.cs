using System.Globalization;

namespace Hangar.Console.Shared;

/// <summary>SVG lengths and coordinates in invariant form (a decimal comma would not parse).</summary>
internal static class SvgLength
{
    public static string Percent(double value) => value.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
