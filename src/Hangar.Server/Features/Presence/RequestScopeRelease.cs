using Microsoft.AspNetCore.Http.Features;

namespace Hangar.Server.Features.Presence;

/// <summary>
/// Ends a request's service scope early: a control socket lives for days, and its request's scope would hold a
/// DbContext (and whatever else authentication resolved) for all that time. The request gets a fresh scope back only
/// when the socket ends, for the middleware that runs on the way out.
/// </summary>
internal static class RequestScopeRelease
{
    public static async Task<IAsyncDisposable> ReleaseAsync(HttpContext http, IServiceScopeFactory scopes)
    {
        if (http.Features.Get<IServiceProvidersFeature>() is IAsyncDisposable requestScope)
        {
            await requestScope.DisposeAsync();
        }

        return new Restore(http, scopes);
    }

    private sealed class Restore(HttpContext http, IServiceScopeFactory scopes) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            var scope = scopes.CreateAsyncScope();
            http.Response.RegisterForDisposeAsync(scope);
            http.RequestServices = scope.ServiceProvider;
            return ValueTask.CompletedTask;
        }
    }
}
