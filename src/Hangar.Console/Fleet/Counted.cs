using System.Globalization;

namespace Hangar.Console.Fleet;

/// <summary>A count with its noun, singular for one ("1 device", "3 devices").</summary>
internal static class Counted
{
    public static string Of(long count, string noun) => string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}
