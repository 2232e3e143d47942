using System.ComponentModel.DataAnnotations;

namespace Hangar.Server.Features.Ddi;

/// <summary>Section <c>Ddi</c>: how Hangar answers hawkBit DDI clients (docs/ddi.md).</summary>
internal sealed class DdiOptions
{
    public const string Section = "Ddi";

    /// <summary>
    /// The polling interval the root resource announces (<c>config.polling.sleep</c>), in seconds. hawkBit's default is
    /// five minutes and its bounds are 30 seconds and 23:59:59; clients treat it as advice.
    /// </summary>
    [Range(1, (24 * 3600) - 1)]
    public int PollingSleepSeconds { get; set; } = 300;
}
