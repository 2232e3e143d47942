using System.Buffers.Text;
using System.Security.Cryptography;

namespace Hangar.Server.Features.Ddi.Tokens;

/// <summary>
/// hawkBit's two token credentials, sent as <c>Authorization: TargetToken …</c> and <c>Authorization: GatewayToken …</c>.
/// Hangar's tokens are 256 random bits with a marker (<c>hgt_</c>, <c>hgg_</c>), 47 characters: within hawkBit's 128 for
/// a custom token, and recognisable in a leaked configuration file. Only their SHA-256 is stored.
/// </summary>
internal static class DdiTokens
{
    public const string TargetScheme = "TargetToken";
    public const string GatewayScheme = "GatewayToken";
    private const int MaxLength = 128;

    public static string NewTargetToken() => "hgt_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string NewGatewayToken() => "hgg_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The scheme word and the token of an <c>Authorization</c> header; null when it holds neither DDI scheme.</summary>
    public static (string Scheme, string Token)? Read(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return null;
        }

        var scheme = header[..space];
        var token = header[(space + 1)..].Trim();
        var known = string.Equals(scheme, TargetScheme, StringComparison.OrdinalIgnoreCase) ? TargetScheme
            : string.Equals(scheme, GatewayScheme, StringComparison.OrdinalIgnoreCase) ? GatewayScheme
            : null;
        return known is null || token.Length is 0 or > MaxLength ? null : (known, token);
    }
}
