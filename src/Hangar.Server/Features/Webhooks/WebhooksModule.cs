using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Webhooks;

internal static class WebhooksModule
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhooksOptions>().BindConfiguration(WebhooksOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhooksOptions>, WebhooksOptionsValidator>();
        services.AddSingleton<WebhookAddressPolicy>();
        services.AddSingleton<WebhookConnector>();
        services.AddSingleton<WebhookSecretStore>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookFanout>();
        services.AddSingleton<WebhookAttemptRecorder>();
        services.AddSingleton<WebhookBacklog>();
        services.AddSingleton<WebhookMetrics>();
        services.AddHostedService<WebhookDispatcher>();
        services.AddHttpClient(WebhookSender.HttpClientName, http =>
            {
                // Attempts are bounded by their own TimeProvider-driven timeout.
                http.Timeout = Timeout.InfiniteTimeSpan;
                http.DefaultRequestHeaders.UserAgent.ParseAdd("hangar-webhooks/1");
            })
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                ConnectCallback = provider.GetRequiredService<WebhookConnector>().ConnectAsync,
                ConnectTimeout = TimeSpan.FromSeconds(provider.GetRequiredService<IOptions<WebhooksOptions>>().Value.TimeoutSeconds),
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                MaxResponseHeadersLength = 64,
            })
            // The factory's own logging prints each URL in full (secrets live in paths like Slack's) and every failed
            // attempt's stack trace at Information; WebhookSender logs one line per attempt with the host only.
            .RemoveAllLoggers();
        return services;
    }
}
