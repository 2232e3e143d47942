using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Hangar.Server.Features.Tunnels;

/// <summary>Single-tunnel tokens <c>hgt_…</c>: 256 random bits, stored as their SHA-256 digest and compared in constant time.</summary>
internal static class TunnelTokens
{
    /// <summary>The header a user side presents the token in (not <c>Authorization</c>, which the API key scheme owns).</summary>
    public const string Header = "Hangar-Tunnel-Token";

    public static string New() => "hgt_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public static bool Matches(string token, byte[] storedHash) =>
        token.Length < 100 && CryptographicOperations.FixedTimeEquals(Hash(token), storedHash);
}
