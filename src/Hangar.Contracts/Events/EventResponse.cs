using System.Text.Json;

namespace Hangar.Contracts.Events;

/// <summary>Something that happened to a resource, e.g. <c>api_key.created</c>. Also the <c>data</c> of a webhook payload.</summary>
/// <param name="Type">The event type, <c>&lt;resource&gt;.&lt;past tense verb&gt;</c>.</param>
/// <param name="ActorType"><c>user</c>, <c>api_key</c>, <c>device</c> or <c>system</c>.</param>
/// <param name="Data">Type-specific facts (ids, names, states); never secrets.</param>
public sealed record EventResponse(
    Guid Id,
    string Hrn,
    string Type,
    DateTime Time,
    string ActorType,
    Guid? ActorId,
    string? ActorName,
    string ResourceType,
    Guid ResourceId,
    string ResourceHrn,
    JsonElement Data);
