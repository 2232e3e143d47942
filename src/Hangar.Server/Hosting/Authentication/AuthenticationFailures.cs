using System.Diagnostics.Metrics;

namespace Hangar.Server.Hosting.Authentication;

/// <summary>
/// Meter <c>Hangar.Authentication</c>: refused credentials of every scheme, by scheme and reason, both from small
/// fixed sets (never the credential, the caller or the address). A rising <c>api_key</c>/<c>unknown</c> is a scanner
/// or a leaked-then-revoked key still in use; <c>expired</c> a rotation that was forgotten.
/// </summary>
internal sealed class AuthenticationFailures
{
    public const string MeterName = "Hangar.Authentication";

    public const string ApiKey = "api_key";
    public const string Session = "session";
    public const string DdiToken = "ddi_token";
    public const string DeviceCertificate = "device_certificate";
    public const string ScrapeToken = "scrape_token";

    private readonly Counter<long> _failures;

    public AuthenticationFailures(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _failures = meter.CreateCounter<long>("hangar.authentication.failures", "{failure}",
            "Refused credentials, by scheme (api_key, session, ddi_token, device_certificate, scrape_token) and reason.");
    }

    public void Refused(string scheme, string reason) =>
        _failures.Add(1, new KeyValuePair<string, object?>("scheme", scheme), new KeyValuePair<string, object?>("reason", reason));
}
