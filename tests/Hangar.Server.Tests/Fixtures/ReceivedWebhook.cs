using System.Security.Cryptography;
using System.Text;

namespace Hangar.Server.Tests.Fixtures;

/// <summary>One request a <see cref="WebhookReceiver"/> got, with the receiver-side check of Standard Webhooks signatures.</summary>
public sealed record ReceivedWebhook(string Path, string Id, string Timestamp, string Signature, string Body)
{
    /// <summary>Verifies as a receiver would, from the published algorithm only: is one of the signatures made with <paramref name="secret"/>?</summary>
    public bool IsSignedWith(string secret) => Signature.Split(' ').Contains(Expected(secret, Id, Timestamp, Body));

    public static string Expected(string secret, string id, string timestamp, string body)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
    }
}
