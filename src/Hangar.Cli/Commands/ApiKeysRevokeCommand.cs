using System.CommandLine;

namespace Hangar.Cli.Commands;

internal sealed class ApiKeysRevokeCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("API key");

    public ApiKeysRevokeCommand(CliContext cli)
        : base("revoke", "Revoke an API key: it stops working at once; its record stays for the audit trail.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var id = parseResult.GetRequiredValue(_id);
            await session.Client.ApiKeys.RevokeAsync(id, ct);
            session.Output.Note($"Revoked API key {id}.");
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
