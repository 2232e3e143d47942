using System.CommandLine;

namespace Hangar.Cli.Commands;

internal sealed class BundlesDeleteCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("bundle");

    public BundlesDeleteCommand(CliContext cli)
        : base("delete", "Delete a bundle; its binaries stay.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var id = parseResult.GetRequiredValue(_id);
            await session.Client.Bundles.DeleteAsync(id, ct);
            session.Output.Note($"Deleted bundle {id}.");
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
