using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class WebhooksGetCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("webhook");

    public WebhooksGetCommand(CliContext cli)
        : base("get", "Show one webhook (without its secret).")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            session.Output.Item(await session.Client.Webhooks.GetAsync(parseResult.GetRequiredValue(_id), ct), Views.Webhook);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
