using Hangar.Data.Webhooks;
using Microsoft.AspNetCore.DataProtection;

namespace Hangar.Server.Features.Webhooks;

/// <summary>
/// Keeps webhook secrets encrypted at rest with ASP.NET Core Data Protection (keys in the data directory). They cannot
/// be hashed like API keys: every delivery needs the secret itself to compute its HMAC.
/// </summary>
internal sealed class WebhookSecretStore(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Hangar.Webhooks.Secret.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    /// <summary>The secrets that sign now: the current one, and the previous one while its overlap lasts.</summary>
    public IReadOnlyList<string> SigningSecrets(Webhook webhook, DateTime now)
    {
        var secrets = new List<string> { _protector.Unprotect(webhook.ProtectedSecret) };
        if (webhook.ProtectedPreviousSecret is { } previous && webhook.PreviousSecretExpiresAt > now)
        {
            secrets.Add(_protector.Unprotect(previous));
        }

        return secrets;
    }
}
