using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Hangar.Server.Tests.Fixtures;

/// <summary>
/// Completes <paramref name="arrived"/> when a request for <paramref name="path"/> reaches the server, so a test can
/// act while that request is in flight instead of guessing how long it takes to get there.
/// </summary>
internal sealed class RequestArrivalFilter(PathString path, TaskCompletionSource arrived) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Path.StartsWithSegments(path, StringComparison.Ordinal))
            {
                arrived.TrySetResult();
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
