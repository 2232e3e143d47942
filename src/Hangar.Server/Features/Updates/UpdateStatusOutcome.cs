using Hangar.Data.Releases;

namespace Hangar.Server.Features.Updates;

/// <summary>
/// What became of a status report: the update as it now stands (<see cref="Duplicate"/>: the report id was applied
/// before and nothing changed), or a refusal with a stable code (<c>ErrorCodes</c>) and why, for the device's operator.
/// Every refusal means the report conflicts with the update's state.
/// </summary>
internal sealed record UpdateStatusOutcome(DeviceUpdate? Update, bool Duplicate, string? RefusalCode, string? RefusalDetail)
{
    public static UpdateStatusOutcome Recorded(DeviceUpdate update, bool duplicate) => new(update, duplicate, null, null);

    public static UpdateStatusOutcome Refused(string code, string detail) => new(null, false, code, detail);
}
