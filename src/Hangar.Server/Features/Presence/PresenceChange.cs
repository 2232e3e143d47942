namespace Hangar.Server.Features.Presence;

/// <summary>A presence change waiting for the next batch: the session connected, or it ended at <see cref="EndedAt"/>.</summary>
internal sealed record PresenceChange(ControlSession Session, DateTime? EndedAt)
{
    public bool Connected => EndedAt is null;
}
