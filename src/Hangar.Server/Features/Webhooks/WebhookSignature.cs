using System.Security.Cryptography;
using System.Text;

namespace Hangar.Server.Features.Webhooks;

/// <summary>
/// Standard Webhooks v1 signatures: <c>v1,base64(HMAC-SHA256(key, "{webhook-id}.{webhook-timestamp}.{body}"))</c>, with
/// the key being the base64 part of the <c>whsec_</c> secret, decoded. Several signatures are separated by spaces.
/// </summary>
internal static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, string messageId, long timestamp, string body)
    {
        var key = Convert.FromBase64String(secret[SecretPrefix.Length..]);
        var content = Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }

    public static string Header(IEnumerable<string> secrets, string messageId, long timestamp, string body) =>
        string.Join(' ', secrets.Select(s => Sign(s, messageId, timestamp, body)));
}
