namespace Hangar.Contracts.Audit;

/// <summary>One mutating Admin API call.</summary>
/// <param name="ActorType"><c>user</c> (console session), <c>api_key</c>, <c>anonymous</c> (sign-in, invitations) or <c>system</c>.</param>
/// <param name="Outcome"><c>success</c>, <c>denied</c> (authorization) or <c>failed</c> (rejected input or conflict).</param>
public sealed record AuditEntryResponse(
    Guid Id,
    string Hrn,
    DateTime Time,
    string ActorType,
    Guid? ActorId,
    string ActorName,
    string Action,
    string? ResourceType,
    Guid? ResourceId,
    string Outcome,
    int StatusCode,
    string RequestId,
    string? ClientAddress);
