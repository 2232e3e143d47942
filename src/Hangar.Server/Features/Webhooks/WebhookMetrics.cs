using System.Diagnostics.Metrics;

namespace Hangar.Server.Features.Webhooks;

/// <summary>
/// Meter <c>Hangar.Webhooks</c>: attempts of this node by outcome, and the deliveries waiting (from
/// <see cref="WebhookBacklog"/>, never a query per scrape).
/// </summary>
internal sealed class WebhookMetrics
{
    public const string MeterName = "Hangar.Webhooks";

    /// <summary>Answered 2xx: the delivery is done.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>Failed, and another attempt is scheduled.</summary>
    public const string Retrying = "retrying";

    /// <summary>Failed, and the delivery was given up (retry window over, 410 Gone, refused address).</summary>
    public const string Failed = "failed";

    private readonly Counter<long> _attempts;

    public WebhookMetrics(IMeterFactory meters, WebhookBacklog backlog)
    {
        var meter = meters.Create(MeterName);
        _attempts = meter.CreateCounter<long>("hangar.webhook.attempts", "{attempt}",
            "Webhook delivery attempts of this node, by outcome (succeeded, retrying, failed: given up).");
        meter.CreateObservableGauge("hangar.webhook.deliveries.pending", () => backlog.Current.Pending, "{delivery}",
            "Webhook deliveries to enabled webhooks not yet succeeded or given up (due or waiting to retry); refreshed every 15 s.");
    }

    public void Attempted(string outcome) => _attempts.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
