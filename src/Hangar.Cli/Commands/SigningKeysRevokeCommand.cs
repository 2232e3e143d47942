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
            // The API answers a repeated revocation with 200 and the key as first revoked (safe to retry), so whether
            // this call changed anything is read from the key before it, as releases halt does.
            var before = await session.Client.SigningKeys.GetAsync(parseResult.GetRequiredValue(_id), ct);
            var request = new RevokeSigningKeyRequest(parseResult.GetRequiredValue(_reason));
            var revoked = await session.Client.SigningKeys.RevokeAsync(before.Id.ToString(), request, ct);
            if (before.RevokedAt is { } at)
            {
                session.Output.Note($"Signing key {before.Name} was already revoked at {CellText.Format(at)} ({before.RevocationReason}); nothing changed.");
            }

            session.Output.Item(revoked, FirmwareViews.SigningKey);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
