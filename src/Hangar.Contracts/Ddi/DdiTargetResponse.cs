namespace Hangar.Contracts.Ddi;

/// <summary>
/// What Hangar keeps for a device as a hawkBit target: whether it has a target token (never the token itself) and
/// the attributes its client reported through <c>configData</c>.
/// </summary>
/// <param name="AttributesRequested">Whether the next poll asks the client for its attributes (hawkBit's configData link).</param>
public sealed record DdiTargetResponse(
    Guid DeviceId,
    bool HasTargetToken,
    DateTime? TargetTokenCreatedAt,
    DateTime? TargetTokenLastUsedAt,
    IReadOnlyDictionary<string, string> Attributes,
    DateTime? AttributesUpdatedAt,
    bool AttributesRequested);
