using Hangar.Contracts.Common;
using Hangar.Server.Hosting.Problems;
using Microsoft.AspNetCore.Connections.Features;

namespace Hangar.Server.Hosting.Listeners;

/// <summary>
/// Answers 404 when a request reaches an endpoint through the other listener, so the device port never serves the
/// Admin API (and the reverse) even though both share one route table.
/// </summary>
internal sealed class ListenerGuardMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is not null)
        {
            var listener = ListenerOf(context);
            var served = endpoint.Metadata.GetMetadata<ListenerAttribute>() is { } wanted ? wanted.Serves(listener) : listener == ListenerKind.Admin;
            if (!served)
            {
                return ProblemWriter.WriteAsync(context, StatusCodes.Status404NotFound, ErrorCodes.NotFound, "Not found");
            }
        }

        return next(context);
    }

    public static ListenerKind? ListenerOf(HttpContext context) =>
        context.Features.Get<IConnectionItemsFeature>()?.Items.TryGetValue(ConnectionItems.Listener, out var kind) == true
            ? (ListenerKind?)kind
            : null;
}
