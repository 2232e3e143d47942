using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class SigningKeysListCommand : Command
{
    public SigningKeysListCommand(CliContext cli)
        : base("list", "List the organization's Ed25519 signing keys.")
    {
        var paging = new PagingOptions(this, "name", "key_id", "created_at", "updated_at");
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, (session, ct) =>
            paging.ListAsync(parseResult, session.Output, FirmwareViews.SigningKey, session.Client.SigningKeys.ListAsync, ct), cancellationToken));
    }
}
