using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class ArtifactsListCommand : Command
{
    public ArtifactsListCommand(CliContext cli)
        : base("list", "List the organization's artifacts.")
    {
        var paging = new PagingOptions(this, "name", "description", "created_at", "updated_at");
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, (session, ct) =>
            paging.ListAsync(parseResult, session.Output, FirmwareViews.Artifact, session.Client.Artifacts.ListAsync, ct), cancellationToken));
    }
}
