using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Hangar.Server.Hosting.Authentication;

/// <summary>
/// Bearer secrets: API keys <c>hgr_&lt;prefix&gt;_&lt;secret&gt;</c>, session tokens and invitation tokens. Each has
/// 256 random bits; only SHA-256 digests are stored.
/// </summary>
internal static class SecretTokens
{
    public const string ApiKeyMarker = "hgr_";
    private const int PrefixLength = 12;
    private const string PrefixAlphabet = "abcdefghijkmnopqrstuvwxyz23456789";

    public static (string Token, string Prefix) NewApiKey()
    {
        var prefix = RandomNumberGenerator.GetString(PrefixAlphabet, PrefixLength);
        return ($"{ApiKeyMarker}{prefix}_{RandomSecret()}", prefix);
    }

    /// <summary>Reads the lookup prefix of an API key without trusting the rest.</summary>
    public static string? ApiKeyPrefix(string token)
    {
        if (!token.StartsWith(ApiKeyMarker, StringComparison.Ordinal) || token.Length != ApiKeyMarker.Length + PrefixLength + 1 + 43)
        {
            return null;
        }

        var prefix = token.Substring(ApiKeyMarker.Length, PrefixLength);
        return token[ApiKeyMarker.Length + PrefixLength] == '_' && prefix.All(PrefixAlphabet.Contains) ? prefix : null;
    }

    public static string NewSessionToken() => "hgs_" + RandomSecret();

    public static string NewInvitationToken() => "hgi_" + RandomSecret();

    public static string NewCsrfToken() => RandomSecret();

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public static bool Matches(string token, byte[] storedHash) => CryptographicOperations.FixedTimeEquals(Hash(token), storedHash);

    private static string RandomSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
