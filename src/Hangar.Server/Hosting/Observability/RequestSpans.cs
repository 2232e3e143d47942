using System.Diagnostics;
using Hangar.Server.Hosting.RequestIds;

namespace Hangar.Server.Hosting.Observability;

/// <summary>
/// Starts a Hangar span inside a request, tagged with the request's id (<c>hangar.request_id</c>, the <c>X-Request-Id</c>
/// of the response, as the request's own span is), so a trace of one step finds the logs and audit rows of its request.
/// No span (null) when nothing listens: traces are neither exported nor sampled.
/// </summary>
internal static class RequestSpans
{
    public const string OrganizationIdTag = "hangar.organization_id";
    public const string DeviceIdTag = "hangar.device_id";

    public static Activity? StartForRequest(this ActivitySource source, string name, HttpContext? request)
    {
        var activity = source.StartActivity(name);
        if (activity is not null && request is not null)
        {
            activity.SetTag(RequestIdMiddleware.RequestIdTag, request.TraceIdentifier);
        }

        return activity;
    }
}
