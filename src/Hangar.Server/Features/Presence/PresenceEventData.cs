namespace Hangar.Server.Features.Presence;

/// <summary>
/// The data of <c>device.connected</c> and <c>device.disconnected</c>. <see cref="Reason"/> of a disconnect is
/// <c>closed</c> (the socket ended: a clean close or a dropped connection) or <c>expired</c> (the node holding the
/// socket stopped renewing it: it died or lost the database).
/// </summary>
internal sealed record PresenceEventData(string Identifier, string? RemoteAddress, string? Node, DateTime? ConnectedAt, string? Reason)
{
    public const string Closed = "closed";
    public const string Expired = "expired";
}
