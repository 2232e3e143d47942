namespace Hangar.Server.Features.Firmware;

/// <summary>Why a binary cannot move to the state asked for: a stable code (<c>ErrorCodes</c>) and a sentence saying what would be allowed.</summary>
internal sealed record BinaryTransitionRefusal(string Code, string Detail);
