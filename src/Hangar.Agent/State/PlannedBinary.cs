namespace Hangar.Agent.State;

/// <summary>One binary of a pending install; what its target holds is recorded when the install ends.</summary>
/// <param name="Target">The install target it is written to; null in state saved by agents that did not record targets.</param>
/// <param name="Sha256">The SHA-256 of its bytes; null in state saved by agents that did not record it.</param>
/// <param name="IntoInactiveSlot">Written into the A/B slot that is not running, which still holds it after a rollback.</param>
public sealed record PlannedBinary(
    string BinaryId, string MetadataDigest, string Installer, string? Target = null, string? Sha256 = null, bool IntoInactiveSlot = false)
{
    public HeldContent? Content(DateTimeOffset writtenAt) =>
        Target is null || Sha256 is null ? null : new HeldContent(BinaryId, Sha256, MetadataDigest, writtenAt);
}
