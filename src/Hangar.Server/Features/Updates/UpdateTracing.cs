using System.Diagnostics;

namespace Hangar.Server.Features.Updates;

/// <summary>Activity source <c>Hangar.Updates</c>: the update check's span, whichever protocol asked (native or DDI).</summary>
internal static class UpdateTracing
{
    public const string SourceName = "Hangar.Updates";
    public const string CheckSpan = "hangar.update.check";

    public static readonly ActivitySource Source = new(SourceName);
}
