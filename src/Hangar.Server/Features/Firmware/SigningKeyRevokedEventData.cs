namespace Hangar.Server.Features.Firmware;

/// <summary>The data of <c>signing_key.revoked</c>: the key, why, and how many binaries lost their last valid signature.</summary>
internal sealed record SigningKeyRevokedEventData(string KeyId, string Name, string Reason, int BinariesUnsigned);
