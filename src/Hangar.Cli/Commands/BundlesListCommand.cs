using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class BundlesListCommand : Command
{
    public BundlesListCommand(CliContext cli)
        : base("list", "List bundles.")
    {
        var paging = new PagingOptions(this, "name", "hash", "created_at", "updated_at");
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, (session, ct) =>
            paging.ListAsync(parseResult, session.Output, FirmwareViews.Bundle, session.Client.Bundles.ListAsync, ct), cancellationToken));
    }
}
