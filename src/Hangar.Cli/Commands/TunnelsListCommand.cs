using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class TunnelsListCommand : Command
{
    public TunnelsListCommand(CliContext cli)
        : base("list", "List the organization's tunnels; search by device, port, state, close reason and times.")
    {
        var paging = new PagingOptions(this, "device_id", "device_port", "state", "close_reason", "created_at", "expires_at", "closed_at");
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, (session, ct) =>
            paging.ListAsync(parseResult, session.Output, Views.Tunnel, (options, token) => session.Client.Tunnels.ListAsync(options, token), ct),
            cancellationToken));
    }
}
