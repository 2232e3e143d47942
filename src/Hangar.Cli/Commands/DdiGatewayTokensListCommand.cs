using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class DdiGatewayTokensListCommand : Command
{
    public DdiGatewayTokensListCommand(CliContext cli)
        : base("list", "List the organization's hawkBit gateway tokens (never the tokens), revoked ones included.")
    {
        var paging = new PagingOptions(this, "name", "created_by", "revoked", "created_at");
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, (session, ct) =>
            paging.ListAsync(parseResult, session.Output, Views.DdiGatewayToken, session.Client.Ddi.ListGatewayTokensAsync, ct), cancellationToken));
    }
}
