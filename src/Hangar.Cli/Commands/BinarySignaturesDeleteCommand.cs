using System.CommandLine;

namespace Hangar.Cli.Commands;

internal sealed class BinarySignaturesDeleteCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("binary signature");

    public BinarySignaturesDeleteCommand(CliContext cli)
        : base("delete", "Remove a signature. Removing the last one moves the binary back to signable (not for a binary in a bundle).")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var id = parseResult.GetRequiredValue(_id);
            await session.Client.BinarySignatures.DeleteAsync(id, ct);
            session.Output.Note($"Deleted binary signature {id}.");
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
