using System.CommandLine;

namespace Hangar.Cli.Commands;

internal sealed class BinariesDeleteCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("binary");

    public BinariesDeleteCommand(CliContext cli)
        : base("delete", "Delete a binary with its parts, signatures and content. A binary in a bundle cannot be deleted; destroy it instead (binaries update --state destroyed).")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var id = parseResult.GetRequiredValue(_id);
            await session.Client.Binaries.DeleteAsync(id, ct);
            session.Output.Note($"Deleted binary {id}.");
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
