using System.Globalization;

namespace Hangar.Cli.Output;

/// <summary>A count with its noun in the right number: "1 part", "2 parts", "0 signatures".</summary>
internal static class Counted
{
    public static string Of(long count, string singular, string? plural = null) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural ?? singular + "s");
}
