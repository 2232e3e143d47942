namespace Hangar.Contracts.Devices;

/// <summary>What a device provisioned just in time under a CA gets.</summary>
public sealed record JitpResponse(Guid ProductId, Guid? CohortId, IReadOnlyList<string> Tags, string? Target, string? Description);
