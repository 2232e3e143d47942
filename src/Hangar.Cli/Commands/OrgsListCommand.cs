using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class OrgsListCommand : Command
{
    public OrgsListCommand(CliContext cli)
        : base("list", "List the organizations the caller can see (an API key sees only its own organization).")
    {
        var paging = new PagingOptions(this, "name", "created_at");
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, (session, ct) =>
            paging.ListAsync(parseResult, session.Output, Views.Organization, session.Client.Organizations.ListAsync, ct), cancellationToken));
    }
}
