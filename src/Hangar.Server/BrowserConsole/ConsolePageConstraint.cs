namespace Hangar.Server.BrowserConsole;

/// <summary>
/// Matches the console's own page addresses (<c>/devices</c>, <c>/releases/…</c>), never an API path or a file name:
/// a request for <c>/api/v1/nothing</c> or a missing <c>/x.js</c> must get its 404, not the console's index page.
/// </summary>
internal sealed class ConsolePageConstraint : IRouteConstraint
{
    public const string Name = "consolepage";

    // Paths the server answers itself; the device listener's paths never reach the fallback (admin listener only).
    private static readonly string[] ServerPrefixes = ["api", "device", "openapi", "healthz", "metrics", "_framework", "_content"];

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
    {
        var path = values.TryGetValue(routeKey, out var value) ? value as string ?? "" : "";
        var first = path.Split('/', 2)[0];
        if (ServerPrefixes.Any(prefix => first.Equals(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var last = path[(path.LastIndexOf('/') + 1)..];
        return !last.Contains('.', StringComparison.Ordinal);
    }
}
