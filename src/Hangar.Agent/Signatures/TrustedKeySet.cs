using Hangar.Signing;

namespace Hangar.Agent.Signatures;

/// <summary>The pinned signing keys, indexed by key id: lowercase hex SHA-256 of the raw public key, as the server names them.</summary>
public sealed class TrustedKeySet
{
    private readonly Dictionary<string, byte[]> _keysById;

    private TrustedKeySet(Dictionary<string, byte[]> keysById) => _keysById = keysById;

    public int Count => _keysById.Count;

    /// <summary>Parses every key; configuration validation has already named any bad one.</summary>
    public static TrustedKeySet Parse(IEnumerable<string> keys)
    {
        var byId = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var text in keys)
        {
            if (!TryParseKey(text, out var key, out var error))
            {
                throw new FormatException($"trusted key {error}");
            }

            byId[KeyId(key)] = key;
        }

        return new TrustedKeySet(byId);
    }

    public static bool TryParseKey(string? text, out byte[] key, out string error) => Ed25519.TryParsePublicKey(text, out key, out error);

    public static string KeyId(byte[] publicKey) => Ed25519.KeyId(publicKey);

    public bool TryGet(string keyId, out byte[] key) => _keysById.TryGetValue(keyId.ToLowerInvariant(), out key!);
}
