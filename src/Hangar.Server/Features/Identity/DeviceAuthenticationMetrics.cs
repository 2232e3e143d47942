using System.Diagnostics.Metrics;
using Hangar.Server.Hosting.Authentication;

namespace Hangar.Server.Features.Identity;

/// <summary>
/// Device listener refusals as a metric (meter <c>Hangar.Server.DeviceIdentity</c>, counter
/// <c>hangar.device.authentication.refusals</c>, tag <c>reason</c>). Refusals that prove no organization —
/// <c>unknown_issuer</c> above all — are written into no organization's events (anyone can make them), so this
/// count is how an operator sees their volume without reading logs. Each is also one of the server's authentication
/// failures (<see cref="AuthenticationFailures"/>, scheme <c>device_certificate</c>).
/// </summary>
internal sealed class DeviceAuthenticationMetrics
{
    public const string MeterName = "Hangar.Server.DeviceIdentity";
    public const string RefusalsCounter = "hangar.device.authentication.refusals";

    private readonly Counter<long> _refusals;

    private readonly AuthenticationFailures _failures;

    public DeviceAuthenticationMetrics(IMeterFactory meters, AuthenticationFailures failures)
    {
        _failures = failures;
        var meter = meters.Create(MeterName);
        _refusals = meter.CreateCounter<long>(RefusalsCounter, "{refusal}", "Client certificates the device listener refused, by reason.");
    }

    public void Refused(string reason)
    {
        _refusals.Add(1, new KeyValuePair<string, object?>("reason", reason));
        _failures.Refused(AuthenticationFailures.DeviceCertificate, reason);
    }
}
