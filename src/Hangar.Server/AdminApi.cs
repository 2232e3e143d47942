using Hangar.Server.Features.Access;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Ddi;
using Hangar.Server.Features.DeviceHealth;
using Hangar.Server.Features.Devices;
using Hangar.Server.Features.Events;
using Hangar.Server.Features.Firmware;
using Hangar.Server.Features.Fleet;
using Hangar.Server.Features.Health;
using Hangar.Server.Features.Identity;
using Hangar.Server.Features.Organizations;
using Hangar.Server.Features.Presence;
using Hangar.Server.Features.Releases;
using Hangar.Server.Features.Telemetry;
using Hangar.Server.Features.Tunnels;
using Hangar.Server.Features.Updates;
using Hangar.Server.Features.Webhooks;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Observability;
using Microsoft.AspNetCore.Authorization;

namespace Hangar.Server;

internal static class AdminApi
{
    public const string BasePath = "/api/v1";

    /// <summary>Every Admin API feature, under <c>/api/v1</c> on the admin listener.</summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        app.MapHealth();
        // An organization's key refused here is audited in its organization: it asked for every organization's figures.
        app.MapServerMetrics().AuditedWhenRefused("metrics.scrape");
        app.MapOpenApi($"/openapi/{{documentName}}.json").WithMetadata(new AnonymousAttribute()).ExcludeFromDescription();
        // API keys and sessions only; each route's permission is its policy, and the default policy refuses routes without one.
        var api = app.MapGroup(BasePath).RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = CallerSchemes.Caller });
        api.MapOrganizations();
        api.MapAccess();
        api.MapAudit();
        api.MapEvents();
        api.MapWebhooks();
        api.MapFleet();
        api.MapDeviceIdentity();
        api.MapFirmware();
        api.MapUpdates();
        api.MapReleasesApi();
        api.MapDeviceCommands();
        api.MapTelemetry();
        api.MapFleetApi();
        api.MapDdiAdmin();
        api.MapTunnels();
        api.MapDeviceHealth();
        return app;
    }
}
