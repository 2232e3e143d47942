using Hangar.Core.Events;
using Hangar.Data.Webhooks;
using Hangar.Server.Hosting.Validation;

namespace Hangar.Server.Features.Webhooks;

/// <summary>The field rules of webhook requests, on top of <see cref="RequestValidator"/>.</summary>
internal static class WebhookRequestRules
{
    private const int MaxEventTypes = 50;

    public static RequestValidator WebhookUrl(this RequestValidator validator, string? url, bool requireHttps) =>
        Webhooks.WebhookUrl.TryValidate(url, requireHttps, out var error) ? validator : validator.Add("url", error);

    public static RequestValidator WebhookEvents(this RequestValidator validator, IReadOnlyList<string>? types)
    {
        if (types is null || types.Count is 0 or > MaxEventTypes)
        {
            return validator.Add("enabled_events", $"must list 1 to {MaxEventTypes} event types, or \"*\" for all.");
        }

        var unknown = types.Where(t => t != EventTypes.All && !EventTypes.IsKnown(t)).ToList();
        return unknown.Count == 0
            ? validator
            : validator.Add("enabled_events", $"unknown event types: {string.Join(", ", unknown.Take(5))} (known: {string.Join(", ", EventTypes.Published)}).");
    }

    public static RequestValidator WebhookState(this RequestValidator validator, string? state, out WebhookState? parsed)
    {
        parsed = state switch
        {
            null => null,
            "enabled" => Data.Webhooks.WebhookState.Enabled,
            "disabled" => Data.Webhooks.WebhookState.Disabled,
            _ => null,
        };
        return state is null || parsed is not null ? validator : validator.Add("state", "must be 'enabled' or 'disabled'.");
    }
}
