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

    /// <summary>
    /// The product (its name) into which an unknown controller polling with a valid gateway token is created. Null (the
    /// default): unknown controllers are 404, and devices are created through the Admin API, an import or JITP.
    /// </summary>
    [MaxLength(100)]
    public string? AutoCreateProduct { get; set; }

    /// <summary>The cohort (its name, in <see cref="AutoCreateProduct"/>) of auto-created controllers; null: none.</summary>
    [MaxLength(100)]
    public string? AutoCreateCohort { get; set; }
}
