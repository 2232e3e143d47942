namespace Hangar.Data.Idempotency;

/// <summary>
/// The first response to a create call made with an <c>Idempotency-Key</c>. Saved in the same transaction as the
/// created resource, so a retry either finds both or neither.
/// </summary>
public sealed class IdempotencyRecord : IOrganizationOwned
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }

    /// <summary>Who sent it (api key or session user): keys are private to their sender.</summary>
    public required string Principal { get; init; }

    public required string Key { get; init; }
    public required string Method { get; init; }
    public required string Path { get; init; }

    /// <summary>SHA-256 (hex) of the request body: the same key with another body is a client bug, not a retry.</summary>
    public required string RequestHash { get; init; }

    public int StatusCode { get; set; }
    public string? ResponseBody { get; set; }
    public string? Location { get; set; }
    public required DateTime CreatedAt { get; init; }
    public required DateTime ExpiresAt { get; init; }
}
