using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class BinariesListCommand : Command
{
    public BinariesListCommand(CliContext cli)
        : base("list", "List binaries.")
    {
        var paging = new PagingOptions(this, "target", "sha256", "state", "size", "description", "artifact_version_id", "created_at", "updated_at");
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, (session, ct) =>
            paging.ListAsync(parseResult, session.Output, FirmwareViews.Binary, session.Client.Binaries.ListAsync, ct), cancellationToken));
    }
}
