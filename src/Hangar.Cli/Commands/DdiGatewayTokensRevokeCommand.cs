using System.CommandLine;

namespace Hangar.Cli.Commands;

internal sealed class DdiGatewayTokensRevokeCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("gateway token");

    public DdiGatewayTokensRevokeCommand(CliContext cli)
        : base("revoke", "Revoke a hawkBit gateway token: it stops working at once; its record stays for the audit trail.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var id = parseResult.GetRequiredValue(_id);
            await session.Client.Ddi.RevokeGatewayTokenAsync(id, ct);
            session.Output.Note($"Revoked gateway token {id}.");
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
