namespace Hangar.Contracts.Ddi;

/// <summary>
/// A device's new hawkBit target token (any earlier one stops working). <see cref="Token"/> goes into the client's
/// configuration (<c>Authorization: TargetToken …</c>) and is never shown again.
/// </summary>
public sealed record DdiTargetTokenCreatedResponse(Guid DeviceId, string Token, DateTime CreatedAt);
