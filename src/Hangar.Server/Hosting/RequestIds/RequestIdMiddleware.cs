using System.Diagnostics;
using Hangar.Contracts.Common;

namespace Hangar.Server.Hosting.RequestIds;

/// <summary>
/// Gives every request a fresh UUIDv7 id, returned in <c>X-Request-Id</c>, placed in the logging scope and used by
/// audit rows. Client-sent ids are not trusted: an attacker could otherwise forge correlation in the audit log.
/// </summary>
internal sealed class RequestIdMiddleware(RequestDelegate next, TimeProvider time, ILogger<RequestIdMiddleware> logger)
{
    public const string RequestIdTag = "hangar.request_id";

    public async Task InvokeAsync(HttpContext context)
    {
        var id = Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
        context.TraceIdentifier = id;
        context.Response.Headers[HangarHeaders.RequestId] = id;
        // The request's span (ASP.NET Core's, when traces are collected) carries the id, so a trace finds its logs and audit rows.
        Activity.Current?.SetTag(RequestIdTag, id);
        using (logger.BeginScope("RequestId:{RequestId}", id))
        {
            await next(context);
        }
    }
}
