namespace Hangar.Data.Webhooks;

public enum WebhookDeliveryState
{
    Pending,
    Succeeded,
    Failed,
}
