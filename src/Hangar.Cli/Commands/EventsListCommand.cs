using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class EventsListCommand : Command
{
    public EventsListCommand(CliContext cli)
        : base("list", "List events: what happened to which resource, when and by whom.")
    {
        var paging = new PagingOptions(this, "type", "resource_type", "resource_id", "actor_type", "actor_id", "time");
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, (session, ct) =>
            paging.ListAsync(parseResult, session.Output, Views.Event, session.Client.Events.ListAsync, ct), cancellationToken));
    }
}
