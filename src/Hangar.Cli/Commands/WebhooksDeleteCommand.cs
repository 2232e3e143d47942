using System.CommandLine;

namespace Hangar.Cli.Commands;

internal sealed class WebhooksDeleteCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("webhook");

    public WebhooksDeleteCommand(CliContext cli)
        : base("delete", "Delete a webhook; its pending deliveries are dropped with it.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var id = parseResult.GetRequiredValue(_id);
            await session.Client.Webhooks.DeleteAsync(id, ct);
            session.Output.Note($"Deleted webhook {id}.");
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
