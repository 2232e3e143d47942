using System.Security.Cryptography;
using System.Text;

namespace Hangar.Server.Features.Identity;

/// <summary>
/// Proof-of-possession codes: 192 random bits as 48 hex characters (fits the 64-character CN limit). Only their
/// SHA-256 is stored, so a database reader cannot use a pending code.
/// </summary>
internal static class VerificationCodes
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
