using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.Firmware;

namespace Hangar.Cli.Commands;

internal sealed class SigningKeysRevokeCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("signing key");

    private readonly Option<string> _reason = new("--reason")
    {
        Description = "Why the key is revoked (1 to 512 characters); kept on the key and in the signing_key.revoked event.",
        HelpName = "text",
        Required = true,
    };

    public SigningKeysRevokeCommand(CliContext cli)
        : base("revoke", "Revoke a signing key for good: its signatures stop counting, bundles left without valid signatures stop being delivered. Revoking a revoked key changes nothing.")
    {
        Add(_id);
        Add(_reason);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new RevokeSigningKeyRequest(parseResult.GetRequiredValue(_reason));
            session.Output.Item(await session.Client.SigningKeys.RevokeAsync(parseResult.GetRequiredValue(_id), request, ct), FirmwareViews.SigningKey);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
