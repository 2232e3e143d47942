using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class CohortsListCommand : Command
{
    public CohortsListCommand(CliContext cli)
        : base("list", "List the organization's cohorts.")
    {
        var paging = new PagingOptions(this, "name", "description", "product_id", "created_at", "updated_at");
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, (session, ct) =>
            paging.ListAsync(parseResult, session.Output, Views.Cohort, session.Client.Cohorts.ListAsync, ct), cancellationToken));
    }
}
