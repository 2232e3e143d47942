using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Diagnostics.Metrics;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Hangar.Server.Hosting.Observability;

internal static class ObservabilityModule
{
    /// <summary>Every Hangar meter and activity source is named <c>Hangar.&lt;Area&gt;</c>, so new areas are exported without a change here.</summary>
    private const string HangarSources = "Hangar.*";

    /// <summary>The name OpenTelemetry's metrics listener goes by in the host's metrics rules.</summary>
    private const string OpenTelemetryListener = "OpenTelemetry";

    /// <summary>The standard variable the OTLP exporter reads by itself.</summary>
    private const string StandardOtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddObservability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ObservabilityOptions>().BindConfiguration(ObservabilityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ScrapeToken>();
        services.AddSingleton<ServerMetrics>();
        services.AddSingleton<IAuthorizationHandler, MetricsScrapeAuthorizationHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(MetricsScrapeRequirement.Policy, policy => policy.AddRequirements(new MetricsScrapeRequirement()));

        var otlp = configuration.GetSection($"{ObservabilityOptions.Section}:Otlp").Get<OtlpExportOptions>() ?? new OtlpExportOptions();
        var exportOtlp = otlp.Endpoint is not null || !string.IsNullOrEmpty(configuration[StandardOtlpEndpoint]);

        // Hangar's meters come from this host's meter factory, and only those are exported (MeterScope.Local). A
        // subscription by name alone would also take meters of the same names from any other host in the process
        // (test servers side by side), and OpenTelemetry folds instruments of one name into one stream, which it drops
        // for all of them when any one host's meter is disposed.
        services.AddMetrics(rules => rules.EnableMetrics(HangarSources, instrumentName: null, OpenTelemetryListener, MeterScope.Local));
        services.AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                // ASP.NET Core's own meters: request durations by route template (http.route), never by raw path.
                // Each scrape collects afresh (no answer cache): collecting reads memory only, fleet gauges included.
                metrics.AddAspNetCoreInstrumentation()
                    .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0);
                if (exportOtlp)
                {
                    metrics.AddOtlpExporter((exporter, reader) =>
                    {
                        Configure(exporter, otlp, "v1/metrics");
                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = otlp.ExportIntervalMilliseconds;
                    });
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(HangarSources).AddAspNetCoreInstrumentation();
                if (exportOtlp)
                {
                    tracing.AddOtlpExporter(exporter => Configure(exporter, otlp, "v1/traces"));
                }
            });
        return services;
    }

    /// <summary>
    /// An endpoint set in code is used as it is, so the HTTP signal path is appended here; the standard variable is
    /// left to the exporter, which appends it itself. Exports run on the exporter's own thread and a failed one is
    /// dropped: a collector that is down never slows or stops the server.
    /// </summary>
    private static void Configure(OtlpExporterOptions exporter, OtlpExportOptions otlp, string signalPath)
    {
        if (otlp.Endpoint is null)
        {
            return;
        }

        exporter.Protocol = otlp.Protocol;
        exporter.Endpoint = otlp.Protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(otlp.Endpoint.ToString().TrimEnd('/') + "/" + signalPath)
            : otlp.Endpoint;
    }
}
