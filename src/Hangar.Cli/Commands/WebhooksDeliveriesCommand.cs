using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class WebhooksDeliveriesCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("webhook");

    public WebhooksDeliveriesCommand(CliContext cli)
        : base("deliveries", "List a webhook's deliveries: state, attempts, last status code and error.")
    {
        Add(_id);
        var paging = new PagingOptions(this, "state", "event_type", "event_id", "attempts", "created_at");
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, (session, ct) =>
            paging.ListAsync(parseResult, session.Output, Views.WebhookDelivery,
                (options, token) => session.Client.Webhooks.ListDeliveriesAsync(parseResult.GetRequiredValue(_id), options, token), ct), cancellationToken));
    }
}
