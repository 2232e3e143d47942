namespace Hangar.Data.Ddi;

/// <summary>
/// What hawkBit keeps about a target beyond Hangar's device: its target token (only the SHA-256, shown once at
/// creation) and the attributes its client reported through <c>configData</c>. One row per device, made when either
/// is first set.
/// </summary>
public sealed class DdiTarget : IOrganizationOwned
{
    public required Guid DeviceId { get; init; }
    public required Guid OrganizationId { get; init; }

    public byte[]? TokenHash { get; set; }
    public DateTime? TokenCreatedAt { get; set; }
    public DateTime? TokenLastUsedAt { get; set; }

    /// <summary>The configData attributes, a flat string map stored as a JSON object; null until the client sent any.</summary>
    public string? Attributes { get; set; }

    public DateTime? AttributesUpdatedAt { get; set; }

    /// <summary>
    /// Set by an operator to ask the client for its attributes again (hawkBit's <c>requestControllerAttributes</c>);
    /// cleared when the client sends them.
    /// </summary>
    public bool AttributesRequested { get; set; }
}
