using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class WebhooksListCommand : Command
{
    public WebhooksListCommand(CliContext cli)
        : base("list", "List the organization's webhooks (admins and owners).")
    {
        var paging = new PagingOptions(this, "url", "description", "state", "created_at");
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, (session, ct) =>
            paging.ListAsync(parseResult, session.Output, Views.Webhook, session.Client.Webhooks.ListAsync, ct), cancellationToken));
    }
}
