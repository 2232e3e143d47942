namespace Hangar.Contracts.Ddi;

/// <summary>A new gateway token. <see cref="Token"/> (<c>Authorization: GatewayToken …</c>) is never shown again.</summary>
public sealed record DdiGatewayTokenCreatedResponse(DdiGatewayTokenResponse GatewayToken, string Token);
