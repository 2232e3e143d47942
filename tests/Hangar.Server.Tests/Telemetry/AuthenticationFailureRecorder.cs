using System.Diagnostics.Metrics;
using Hangar.Server.Hosting.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Telemetry;

/// <summary>
/// The refused credentials one server counts (<c>hangar.authentication.failures</c>), as scheme and reason. Only that
/// server's meter is heard (its meter factory is the meter's scope): servers of other test classes in the same process
/// refuse credentials of their own at the same time.
/// </summary>
internal sealed class AuthenticationFailureRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<(string Scheme, string Reason)> _refused = [];

    public AuthenticationFailureRecorder(IServiceProvider services)
    {
        var meters = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AuthenticationFailures.MeterName && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            string? scheme = null, reason = null;
            foreach (var tag in tags)
            {
                scheme = tag.Key == "scheme" ? tag.Value as string : scheme;
                reason = tag.Key == "reason" ? tag.Value as string : reason;
            }

            lock (_refused)
            {
                _refused.Add((scheme ?? "", reason ?? ""));
            }
        });
        _listener.Start();
    }

    public IReadOnlyList<(string Scheme, string Reason)> Refused
    {
        get
        {
            lock (_refused)
            {
                return [.. _refused];
            }
        }
    }

    public void Dispose() => _listener.Dispose();
}
