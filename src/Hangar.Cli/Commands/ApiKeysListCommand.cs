using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class ApiKeysListCommand : Command
{
    public ApiKeysListCommand(CliContext cli)
        : base("list", "List the organization's API keys (never their secrets), including revoked and expired ones.")
    {
        var paging = new PagingOptions(this, "name", "prefix", "role", "created_by", "revoked", "created_at", "expires_at");
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, (session, ct) =>
            paging.ListAsync(parseResult, session.Output, Views.ApiKey, session.Client.ApiKeys.ListAsync, ct), cancellationToken));
    }
}
