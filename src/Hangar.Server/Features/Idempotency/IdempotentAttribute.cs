namespace Hangar.Server.Features.Idempotency;

/// <summary>Endpoint metadata: this create call honours <c>Idempotency-Key</c> (shown in the OpenAPI document).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class IdempotentAttribute : Attribute;
