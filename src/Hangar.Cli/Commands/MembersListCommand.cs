using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class MembersListCommand : Command
{
    public MembersListCommand(CliContext cli)
        : base("list", "List the members of the organization, with their roles and whether they are active or still invited.")
    {
        var paging = new PagingOptions(this, "email", "name", "role", "created_at");
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, (session, ct) =>
            paging.ListAsync(parseResult, session.Output, Views.Member, session.Client.Members.ListAsync, ct), cancellationToken));
    }
}
