namespace Hangar.Contracts.Common;

/// <summary>
/// An error answer (RFC 9457 ProblemDetails) as clients read it. <see cref="Code"/> is stable; see <see cref="ErrorCodes"/>.
/// <see cref="Candidates"/> is set on <c>ambiguous_reference</c>: the resources a name matched. <see cref="TraceId"/>
/// is the W3C trace context of the request, which ASP.NET Core adds to the problems it writes.
/// </summary>
public sealed record ProblemResponse(
    string? Type,
    string? Title,
    int? Status,
    string? Detail,
    string? Code,
    string? RequestId,
    IReadOnlyDictionary<string, string[]>? Errors,
    IReadOnlyList<ReferenceCandidate>? Candidates = null,
    string? TraceId = null);
