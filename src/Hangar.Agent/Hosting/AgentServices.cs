using Hangar.Agent.Configuration;
using Hangar.Agent.Control;
using Hangar.Agent.Downloads;
using Hangar.Agent.Installers;
using Hangar.Agent.Processes;
using Hangar.Agent.Signatures;
using Hangar.Agent.State;
using Hangar.Agent.Telemetry;
using Hangar.Agent.Telemetry.Collectors;
using Hangar.Agent.TrialBoot;
using Hangar.Agent.Tunnels;
using Hangar.Agent.Updates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hangar.Agent.Hosting;

/// <summary>The agent's table of contents: one registration per part, the same objects the tests build by hand.</summary>
public static class AgentServices
{
    public const string DeviceHttpClient = "device";

    public static IServiceCollection AddHangarAgent(this IServiceCollection services, AgentConfig config, AgentRun run)
    {
        services.AddSingleton(config);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ProcessRunner>();
        services.AddSingleton(provider => StateStore.Open(config.Directories!.State!, provider.GetRequiredService<ILogger<StateStore>>()));

        services.AddSingleton(run);
        services.AddSingleton(new DeviceTls(config.Server!, config.Device!));
        var factory = new RunningSoftware(config.FactorySoftware.Release, config.FactorySoftware.Bundle, config.FactorySoftware.ReleaseVersion);
        services.AddTransient(provider => new ReportedSoftwareHandler(
            provider.GetRequiredService<StateStore>(), factory, provider.GetRequiredService<DeviceTls>().ServerUrl));
        // No per-request log lines from the HTTP client: a download URL carries its access token in its path, and
        // the agent logs each step itself.
        services.AddHttpClient(DeviceHttpClient, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => provider.GetRequiredService<DeviceTls>().CreateHandler())
            .AddHttpMessageHandler<ReportedSoftwareHandler>()
            .RemoveAllLoggers();
        services.AddSingleton(provider => new DeviceApi(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(DeviceHttpClient),
            provider.GetRequiredService<DeviceTls>().ServerUrl,
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<StatusReporter>();
        services.AddSingleton(provider => new ResumableDownloader(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(DeviceHttpClient),
            config.Directories!.Cache!,
            DownloadOptions.From(config.Downloads),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ResumableDownloader>>(),
            Random.Shared));

        services.AddSingleton(new SignatureVerifier(TrustedKeySet.Parse(config.Signing!.TrustedKeys), config.Signing.Threshold));

        services.AddSingleton(provider => config.Boot.SimulatedSlots is { } simulated
            ? SimulatedSlots.Boot(simulated.Directory!, provider.GetRequiredService<TimeProvider>())
            : null!);
        services.AddSingleton<IBootControl>(provider => config.Boot.SimulatedSlots is not null
            ? provider.GetRequiredService<SimulatedSlots>()
            : new CommandBootControl(config.Boot, provider.GetRequiredService<ProcessRunner>()));
        services.AddSingleton(provider => new InstallerSelector(config.Installers, provider.GetRequiredService<ProcessRunner>(),
            config.Boot.SimulatedSlots is not null ? provider.GetRequiredService<SimulatedSlots>() : null));

        services.AddSingleton<IServerReachability>(provider => new TlsServerReachability(
            provider.GetRequiredService<DeviceTls>(), TimeSpan.FromSeconds(30), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider => new HealthCheck(config.Boot, provider.GetRequiredService<ProcessRunner>(),
            provider.GetRequiredService<IServerReachability>()));
        services.AddSingleton(provider => new TrialBootCoordinator(
            provider.GetRequiredService<StateStore>(),
            provider.GetRequiredService<IBootControl>(),
            provider.GetRequiredService<HealthCheck>(),
            config.Boot.MaxBootAttempts,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<TrialBootCoordinator>>(),
            provider.GetRequiredService<StatusReporter>().FlushBeforeRebootAsync,
            async (update, cancellationToken) => !(await provider.GetRequiredService<StatusReporter>().FlushAsync(cancellationToken)).Contains(update.Id)));
        services.AddSingleton(new UpdateRunnerOptions(config.Targets, TimeSpan.FromSeconds(config.Polling.IntervalSeconds), TimeSpan.FromSeconds(10)));
        services.AddSingleton<UpdateRunner>();
        services.AddSingleton<UpdateCheckCycle>();
        services.AddSingleton<UpdateTrigger>();
        services.AddHostedService<UpdateLoop>();
        services.AddSingleton<RemoteReboot>();
        services.AddSingleton<ControlSocketTelemetry>();
        services.AddSingleton<TunnelConnection>();
        services.AddSingleton<TunnelAgent>();
        services.AddSingleton<ControlChannel>();
        services.AddHostedService<ControlSocketLoop>();

        services.AddSingleton(config.Telemetry);
        services.AddSingleton(new TelemetryBuffer(config.Telemetry.BufferPoints));
        services.AddSingleton<HeartbeatCollector>();
        services.AddSingleton<MetricScripts>();
        services.AddSingleton(provider => new TelemetryApi(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(DeviceHttpClient),
            provider.GetRequiredService<DeviceTls>().ServerUrl,
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<TelemetrySender>();
        services.AddHostedService<TelemetryLoop>();
        services.AddHostedService<MetricSocketListener>();
        return services;
    }
}
