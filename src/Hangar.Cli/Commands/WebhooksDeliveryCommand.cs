using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class WebhooksDeliveryCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("webhook");

    private readonly Argument<string> _delivery = new("delivery-id") { Description = "The delivery's id (UUID) or HRN." };

    public WebhooksDeliveryCommand(CliContext cli)
        : base("delivery", "Show one delivery and each of its attempts (time, status code, latency, error).")
    {
        Add(_id);
        Add(_delivery);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var delivery = await session.Client.Webhooks.GetDeliveryAsync(parseResult.GetRequiredValue(_id), parseResult.GetRequiredValue(_delivery), ct);
            session.Output.Item(delivery, Views.WebhookDelivery);
            if (session.Output.Format == OutputFormat.Table)
            {
                session.Output.Rows(delivery.AttemptLog ?? [], Views.WebhookDeliveryAttempt);
            }

            return ExitCodes.Success;
        }, cancellationToken));
    }
}
