namespace Hangar.Server.Features.Firmware;

/// <summary>The data of <c>binary.signed</c>: emitted once, when the first valid signature makes a binary deliverable.</summary>
internal sealed record BinarySignedEventData(string Sha256, string Target, string SigningKeyId);
