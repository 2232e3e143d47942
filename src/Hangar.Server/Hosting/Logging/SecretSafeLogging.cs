namespace Hangar.Server.Hosting.Logging;

/// <summary>
/// Log rules that keep secrets out of the logs whatever the configured levels. ASP.NET Core's request logging
/// (<c>Microsoft.AspNetCore.Hosting.Diagnostics</c>: "Request starting …" lines and the <c>RequestPath</c> scope on every
/// line logged during a request) prints URL paths and query strings, and a signed download URL carries its token in
/// the path; so does routing's matcher at Debug. Hangar's own scope names the request by its <c>RequestId</c> instead.
/// </summary>
internal static class SecretSafeLogging
{
    /// <summary>Categories that print request paths, and the lowest level each may log at.</summary>
    private static readonly (string Category, LogLevel Minimum)[] PathLoggingCategories =
    [
        ("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None),
        ("Microsoft.AspNetCore.Routing.Matching", LogLevel.Information),
    ];

    public static IServiceCollection AddSecretSafeLogging(this IServiceCollection services) =>
        // Added after the configuration's rules, so they win over a configured level for the same category.
        services.Configure<LoggerFilterOptions>(filters =>
        {
            foreach (var (category, minimum) in PathLoggingCategories)
            {
                filters.Rules.Add(new LoggerFilterRule(providerName: null, category, minimum, filter: null));
            }
        });
}
