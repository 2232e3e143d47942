namespace Hangar.Contracts.Updates;

/// <summary>
/// An update check made by a back end for a device: what the device reports running (any of the three; release and
/// bundle by id or hrn). With <see cref="Write"/> false the check changes nothing (no recorded state, no phase claim,
/// no offer); with true it counts exactly as if the device had checked.
/// </summary>
public sealed record AdminUpdateCheckRequest(string? Release = null, string? Bundle = null, string? ReleaseVersion = null, bool Write = false);
