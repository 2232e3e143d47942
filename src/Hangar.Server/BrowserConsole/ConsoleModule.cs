using Hangar.Server.Hosting.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;

namespace Hangar.Server.BrowserConsole;

/// <summary>
/// The browser console (src/Hangar.Console, Blazor WebAssembly) served at <c>/</c> on the admin listener: its
/// fingerprinted, precompressed files through static asset endpoints, and its pages through a fallback to index.html
/// that leaves every API path alone, so an unknown API route stays a problem+json 404. The console itself talks only
/// to the Admin API.
/// </summary>
internal static class ConsoleModule
{
    private static readonly string ServerAssembly = typeof(ConsoleModule).Assembly.GetName().Name!;

    public static WebApplicationBuilder AddConsole(this WebApplicationBuilder builder)
    {
        // A build (not a publish) keeps the console's files where the SDK left them and lists them in
        // hangar-server.staticwebassets.runtime.json; this reads that list when it is there, in any environment, so
        // tests and `dotnet run` serve the console too. A published server has them in wwwroot instead (no-op).
        // Named by the server's assembly, not the application's: in a test host the entry assembly is the test's.
        builder.Configuration[WebHostDefaults.StaticWebAssetsKey] = Path.Combine(AppContext.BaseDirectory, $"{ServerAssembly}.staticwebassets.runtime.json");
        builder.WebHost.UseStaticWebAssets();
        // A build's list switches on ASP.NET Core's asset reloader, which answers everything no-cache and adds a catch-all
        // file route (a POST to an unknown path would get 405, not 404). The server behaves as published, always.
        builder.Configuration["ReloadStaticAssetsAtRuntime"] = "false";
        builder.Services.Configure<RouteOptions>(options => options.SetParameterPolicy<ConsolePageConstraint>(ConsolePageConstraint.Name));
        return builder;
    }

    public static IEndpointRouteBuilder MapConsole(this IEndpointRouteBuilder app)
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, $"{ServerAssembly}.staticwebassets.endpoints.json");
        if (!File.Exists(manifest))
        {
            // A server packaged without the console still serves its APIs; the operator is told why / is a 404.
            app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConsoleModule))
                .LogWarning("The browser console's file list {Manifest} is missing: the console is not served", manifest);
            return app;
        }

        // Fingerprinted files are immutable for a year, the rest revalidate by ETag; brotli or gzip as the browser asks.
        // The files never spend a rate limit: one cold load fetches some two hundred of them, so six loads a minute from
        // one address (a team behind one proxy, or the browser tests) spent the anonymous budget and the 1201st file got
        // a 429, and three reloads spent a signed-in session's; the WebAssembly start then stalled on the refused file.
        app.MapStaticAssets(manifest).Add(endpoint =>
        {
            endpoint.Metadata.Add(new AnonymousAttribute());
            endpoint.Metadata.Add(new DisableRateLimitingAttribute());
        });
        app.MapFallbackToFile($"{{*path:{ConsolePageConstraint.Name}}}", "index.html", new StaticFileOptions
        {
            // index.html names the current build's fingerprinted files, so it must never be served stale.
            OnPrepareResponse = file => file.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache",
        }).WithMetadata(new AnonymousAttribute()).DisableRateLimiting();
        return app;
    }
}
