using Hangar.Core.Access;
using Hangar.Server.Features.Audit;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Listeners;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Fixtures;

/// <summary>Every route the running server maps, read from its endpoint data source, so new routes are covered by the generic tests automatically.</summary>
internal static partial class RouteCatalog
{
    public sealed record Route(string Method, string Pattern, Permission? Permission, bool Anonymous, string? AuditAction, ListenerKind Listener)
    {
        public bool IsMutation => Method is not ("GET" or "HEAD");

        /// <summary>
        /// The route with <c>{id}</c> set to <paramref name="id"/> and every other parameter to a well-formed value
        /// (a part index, or a fresh UUID for nested ids), so requests reach the handler instead of failing to bind.
        /// </summary>
        public string Path(string id) => "/" + OtherParameter().Replace(
            Pattern.TrimStart('/').Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal),
            match => match.Groups[1].Value.EndsWith("index", StringComparison.Ordinal) ? "1" : Guid.CreateVersion7().ToString());

        public override string ToString() => $"{Method} {Pattern}";
    }

    public static IReadOnlyList<Route> All(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new Route(
                method,
                endpoint.RoutePattern.RawText ?? "",
                endpoint.Metadata.GetMetadata<RequiresPermissionAttribute>()?.Permission,
                endpoint.Metadata.GetMetadata<AnonymousAttribute>() is not null,
                endpoint.Metadata.GetMetadata<AuditActionAttribute>()?.Action,
                endpoint.Metadata.GetMetadata<ListenerAttribute>()?.Kinds[0] ?? ListenerKind.Admin)))
            .ToList();

    public static IReadOnlyList<Route> AdminApi(IServiceProvider services) =>
        All(services).Where(r => r.Listener == ListenerKind.Admin && r.Pattern.StartsWith("/api/v1", StringComparison.Ordinal)).ToList();

    /// <summary>
    /// A valid body for each mutation that takes one, so a permitted call gets past body binding to the handler (where
    /// a foreign id is a 404). Routes missing here get "{}"; add a sample when a new route needs a body.
    /// </summary>
    private static readonly Dictionary<string, string> SampleBodies = new()
    {
        ["PATCH /api/v1/organizations/{id}"] = """{"name":"renamed"}""",
        ["PATCH /api/v1/members/{id}"] = """{"role":"viewer"}""",
        ["PATCH /api/v1/webhooks/{id}"] = """{"state":"disabled"}""",
        ["POST /api/v1/webhooks/{id}/roll_secret"] = """{"overlap_seconds":60}""",
        ["PATCH /api/v1/products/{id}"] = """{"name":"renamed"}""",
        ["PATCH /api/v1/cohorts/{id}"] = """{"name":"renamed"}""",
        ["PATCH /api/v1/devices/{id}"] = """{"description":"changed"}""",
        ["PATCH /api/v1/ca_certificates/{id}"] = """{"description":"changed"}""",
        ["PATCH /api/v1/signing_keys/{id}"] = """{"name":"renamed"}""",
        ["POST /api/v1/signing_keys/{id}/revoke"] = """{"reason":"leaked"}""",
        ["PATCH /api/v1/bundles/{id}"] = """{"name":"renamed"}""",
        ["POST /api/v1/devices/{id}/update"] = """{"release_version":"1.0.0"}""",
        ["PATCH /api/v1/releases/{id}"] = """{"description":"changed"}""",
        ["POST /api/v1/releases/{id}/halt"] = """{"reason":"stop"}""",
        ["POST /api/v1/releases/{id}/rollback"] = """{"reason":"back"}""",
        ["PATCH /api/v1/bundle_overrides/{id}"] = """{"name":"renamed"}""",
        ["POST /api/v1/bundle_overrides/{id}/devices"] = """{"devices":["0190a000-0000-7000-8000-000000000000"]}""",
        ["POST /api/v1/tunnels/{id}/extend"] = """{"ttl_seconds":600}""",
    };

    public static HttpRequestMessage Request(Route route, string id)
    {
        var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path(id).TrimStart('/'));
        if (route.IsMutation)
        {
            request.Content = Api.Json(SampleBodies.GetValueOrDefault(route.ToString(), "{}"));
        }

        return request;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{([a-z_]+)(?::[a-z]+)?\}")]
    private static partial System.Text.RegularExpressions.Regex OtherParameter();
}
