using Hangar.Signing;

namespace Hangar.Agent.Signatures;

/// <summary>
/// A binary is trusted when at least <c>threshold</c> distinct trusted keys have a valid signature over its raw
/// 32-byte SHA-256 digest. Signatures by unknown keys, malformed ones and repeats of a key count for nothing.
/// </summary>
public sealed class SignatureVerifier(TrustedKeySet trustedKeys, int threshold)
{
    public SignatureCheck Verify(ReadOnlySpan<byte> sha256, IEnumerable<BinarySignature> signatures)
    {
        if (sha256.Length != 32)
        {
            throw new ArgumentException("the message is the raw 32-byte SHA-256 digest", nameof(sha256));
        }

        var validKeys = new HashSet<string>(StringComparer.Ordinal);
        int untrusted = 0, malformed = 0, invalid = 0;
        foreach (var signature in signatures)
        {
            if (!TryResolveKey(signature, out var keyId, out var key))
            {
                untrusted++;
                continue;
            }

            if (!Ed25519.TryParseSignature(signature.Signature, out var bytes))
            {
                malformed++;
                continue;
            }

            if (Ed25519.Verify(key, sha256, bytes))
            {
                validKeys.Add(keyId);
            }
            else
            {
                invalid++;
            }
        }

        var passed = validKeys.Count >= threshold;
        var reason = passed
            ? $"{validKeys.Count} valid signature(s) from trusted keys, threshold {threshold}"
            : $"untrusted_signatures: {validKeys.Count} valid signature(s) from distinct trusted keys, threshold {threshold} "
              + $"({untrusted} by untrusted keys, {invalid} invalid, {malformed} malformed)";
        return new SignatureCheck(passed, validKeys.Count, threshold, reason);
    }

    private bool TryResolveKey(BinarySignature signature, out string keyId, out byte[] key)
    {
        key = [];
        keyId = "";
        if (signature.PublicKey is not null)
        {
            if (!Ed25519.TryParsePublicKey(signature.PublicKey, out var offered, out _))
            {
                return false;
            }

            keyId = TrustedKeySet.KeyId(offered);
        }
        else if (signature.KeyId is not null)
        {
            keyId = signature.KeyId.Trim().ToLowerInvariant();
        }

        // A key id given alongside a public value must agree with it, or the entry names two keys at once.
        if (signature.PublicKey is not null && signature.KeyId is not null
            && !string.Equals(signature.KeyId.Trim(), keyId, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return keyId.Length > 0 && trustedKeys.TryGet(keyId, out key);
    }
}
