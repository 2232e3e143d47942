using Hangar.Agent.State;
using Hangar.Contracts.Common;

namespace Hangar.Agent.Updates;

/// <summary>
/// Adds what the device runs (release, bundle, version, as last committed) to every request to the server, so the
/// server's record follows the device even when only a report or a download reaches it. Before the first update
/// from Hangar that is the configured factory software. Other hosts (a download CDN) are told nothing.
/// </summary>
public sealed class ReportedSoftwareHandler(StateStore store, RunningSoftware factory, Uri serverUrl) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is not { } target || Uri.Compare(target, serverUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return base.SendAsync(request, cancellationToken);
        }

        var running = store.Current.Running ?? factory;
        Add(request, HangarHeaders.DeviceRelease, running.Release);
        Add(request, HangarHeaders.DeviceBundle, running.Bundle);
        Add(request, HangarHeaders.DeviceReleaseVersion, running.ReleaseVersion);
        return base.SendAsync(request, cancellationToken);
    }

    private static void Add(HttpRequestMessage request, string name, string? value)
    {
        request.Headers.Remove(name);
        if (value is not null)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
