namespace Hangar.Contracts.Devices;

/// <summary>Creates a device.</summary>
/// <param name="Identifier">1–128 characters of letters, digits and <c>.-_:@</c>, unique in the organization; the CN of its certificates.</param>
/// <param name="ProductId">Id or resource name of an unarchived product.</param>
/// <param name="CohortId">Id or resource name of a cohort of that product.</param>
/// <param name="Description">Up to 256 characters.</param>
/// <param name="Tags">Up to 32 tags of 1–64 characters without whitespace or commas.</param>
/// <param name="Target">Target triplet, up to 128 characters.</param>
/// <param name="Quarantined">A quarantined device authenticates but receives no updates.</param>
public sealed record CreateDeviceRequest(
    string Identifier,
    string ProductId,
    string? CohortId = null,
    string? Description = null,
    IReadOnlyList<string>? Tags = null,
    string? Target = null,
    bool Quarantined = false);
