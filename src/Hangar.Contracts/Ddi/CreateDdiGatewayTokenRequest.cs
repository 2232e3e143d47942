namespace Hangar.Contracts.Ddi;

/// <summary>Creates a gateway token in the caller's organization.</summary>
/// <param name="Name">What it is for, e.g. 'factory-gateway' (1–100 characters).</param>
public sealed record CreateDdiGatewayTokenRequest(string Name);
