namespace Hangar.Contracts.Common;

/// <summary>The answer of <c>/healthz</c> when the server and its database are up.</summary>
public sealed record HealthResponse(string Status);
