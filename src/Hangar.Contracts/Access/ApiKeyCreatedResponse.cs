namespace Hangar.Contracts.Access;

/// <summary>A newly created API key. <see cref="Secret"/> is the whole bearer token and is never shown again.</summary>
public sealed record ApiKeyCreatedResponse(ApiKeyResponse Key, string Secret);
