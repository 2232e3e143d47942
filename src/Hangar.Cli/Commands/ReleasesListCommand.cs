using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class ReleasesListCommand : Command
{
    public ReleasesListCommand(CliContext cli)
        : base("list", "List the organization's releases (add --search \"cohort_id:'…'\" for one cohort's graph).")
    {
        var paging = new PagingOptions(this, "cohort_id", "name", "description", "bundle_id", "next_release_id", "latest", "required", "disabled",
            "halted", "version", "version_requirement", "schedule_date", "rollback_of_release_id", "created_at", "updated_at");
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, (session, ct) =>
            paging.ListAsync(parseResult, session.Output, ReleaseViews.Release, session.Client.Releases.ListAsync, ct), cancellationToken));
    }
}
