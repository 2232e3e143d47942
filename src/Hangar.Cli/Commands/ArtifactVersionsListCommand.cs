using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class ArtifactVersionsListCommand : Command
{
    public ArtifactVersionsListCommand(CliContext cli)
        : base("list", "List artifact versions.")
    {
        var paging = new PagingOptions(this, "version", "description", "artifact_id", "created_at", "updated_at");
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, (session, ct) =>
            paging.ListAsync(parseResult, session.Output, FirmwareViews.ArtifactVersion, session.Client.ArtifactVersions.ListAsync, ct), cancellationToken));
    }
}
