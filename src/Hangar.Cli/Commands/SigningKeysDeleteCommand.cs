using System.CommandLine;

namespace Hangar.Cli.Commands;

internal sealed class SigningKeysDeleteCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("signing key");

    public SigningKeysDeleteCommand(CliContext cli)
        : base("delete", "Remove a signing key; a key that signed binaries, or a revoked key, cannot be removed.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var id = parseResult.GetRequiredValue(_id);
            await session.Client.SigningKeys.DeleteAsync(id, ct);
            session.Output.Note($"Deleted signing key {id}.");
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
