using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class WebhooksTestFireCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("webhook");

    public WebhooksTestFireCommand(CliContext cli)
        : base("test-fire", "Send a webhook.test_fire event to this webhook only; see the outcome with 'webhooks delivery'.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            session.Output.Item(await session.Client.Webhooks.TestFireAsync(parseResult.GetRequiredValue(_id), ct), Views.WebhookDelivery);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
