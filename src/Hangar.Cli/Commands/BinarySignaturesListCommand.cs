using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class BinarySignaturesListCommand : Command
{
    public BinarySignaturesListCommand(CliContext cli)
        : base("list", "List binary signatures.")
    {
        var paging = new PagingOptions(this, "binary_id", "signing_key_id", "created_at");
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, (session, ct) =>
            paging.ListAsync(parseResult, session.Output, FirmwareViews.BinarySignature, session.Client.BinarySignatures.ListAsync, ct), cancellationToken));
    }
}
