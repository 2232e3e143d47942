using Hangar.Contracts.Webhooks;

namespace Hangar.Server.Tests.Webhooks;

/// <summary>
/// Webhooks compared by value, their event lists element by element, times to the millisecond (PostgreSQL keeps
/// microseconds, so a create response and a later read differ below that).
/// </summary>
internal sealed class WebhookComparer : IEqualityComparer<WebhookResponse>
{
    public static readonly WebhookComparer Instance = new();

    private static readonly string[] None = [];

    public bool Equals(WebhookResponse? x, WebhookResponse? y) =>
        x is not null && y is not null && Normal(x) == Normal(y) && x.EnabledEvents.SequenceEqual(y.EnabledEvents);

    private static WebhookResponse Normal(WebhookResponse webhook) =>
        webhook with { EnabledEvents = None, CreatedAt = Millis(webhook.CreatedAt), UpdatedAt = Millis(webhook.UpdatedAt) };

    private static DateTime Millis(DateTime time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerMillisecond), time.Kind);

    public int GetHashCode(WebhookResponse obj) => obj.Id.GetHashCode();
}
