namespace Hangar.Data.Webhooks;

public enum WebhookState
{
    Enabled,
    Disabled,
}
