using Hangar.Server.BrowserConsole;
using Hangar.Server.Features.Access;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Bootstrap;
using Hangar.Server.Features.Ddi;
using Hangar.Server.Features.DeviceHealth;
using Hangar.Server.Features.Events;
using Hangar.Server.Features.Firmware;
using Hangar.Server.Features.Fleet;
using Hangar.Server.Features.Idempotency;
using Hangar.Server.Features.Identity;
using Hangar.Server.Features.Presence;
using Hangar.Server.Features.Releases;
using Hangar.Server.Features.Telemetry;
using Hangar.Server.Features.Tunnels;
using Hangar.Server.Features.Updates;
using Hangar.Server.Features.Webhooks;
using Hangar.Server.Hosting;
using Hangar.Server.Hosting.Cluster;
using Hangar.Server.Hosting.Database;
using Hangar.Server.Hosting.Http;
using Hangar.Server.Hosting.Observability;
using Hangar.Server.Hosting.Secrets;
using Hangar.Server.Hosting.Tls;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hangar.Server;

/// <summary>The table of contents of the server: what it is made of and how requests flow. Tests build the same app.</summary>
internal static class HangarServer
{
    public static WebApplicationBuilder AddHangarServer(this WebApplicationBuilder builder, string[] args)
    {
        builder.AddHangarConfiguration(args);
        builder.AddConsole();
        builder.Services
            .AddHangarHosting()
            .AddHangarDatabase()
            .AddServerSecrets()
            .AddServerTls()
            .AddClusterSignal()
            .AddHangarBlobStorage()
            .AddRequestIdentity()
            .AddBootstrap()
            .AddAudit()
            .AddEvents()
            .AddAccess()
            .AddWebhooks()
            .AddDeviceIdentity()
            .AddFirmware()
            .AddReleases()
            .AddUpdates()
            .AddDdi()
            .AddIdempotency()
            .AddFleet()
            .AddPresence()
            .AddTelemetry()
            .AddTunnels()
            .AddDeviceHealth()
            .AddObservability(builder.Configuration);
        builder.Services.CheckContentTypeAtTheEndpoint();
        if (IsGeneratingOpenApiDocument)
        {
            // The build runs the app to read its endpoints; it must not touch a database or print credentials.
            builder.Services.RemoveAll<IHostedService>();
        }

        return builder;
    }

    private static bool IsGeneratingOpenApiDocument =>
        System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";

    public static WebApplication UseHangarServer(this WebApplication app)
    {
        app.UseHangarPipeline();
        var routes = app.MapGroup("").AnswerHeadOnGet();
        routes.MapAdminApi();
        routes.MapDeviceApi();
        routes.MapSignedBinaryDownloads();
        routes.MapConsole();
        return app;
    }
}
