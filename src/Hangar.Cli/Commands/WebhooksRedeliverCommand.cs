using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class WebhooksRedeliverCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("webhook");

    private readonly Argument<string> _delivery = new("delivery-id") { Description = "The delivery's id (UUID) or HRN." };

    public WebhooksRedeliverCommand(CliContext cli)
        : base("redeliver", "Send a delivery again now, with the same webhook-id and body.")
    {
        Add(_id);
        Add(_delivery);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var queued = await session.Client.Webhooks.RedeliverAsync(parseResult.GetRequiredValue(_id), parseResult.GetRequiredValue(_delivery), ct);
            session.Output.Item(queued, Views.WebhookDelivery);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
