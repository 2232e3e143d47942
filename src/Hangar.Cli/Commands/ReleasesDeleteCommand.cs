using System.CommandLine;

namespace Hangar.Cli.Commands;

internal sealed class ReleasesDeleteCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("release");

    public ReleasesDeleteCommand(CliContext cli)
        : base("delete", "Delete a release. Releases that pointed to it point to its next release; its phase claims and device updates go with it.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var id = parseResult.GetRequiredValue(_id);
            await session.Client.Releases.DeleteAsync(id, ct);
            session.Output.Note($"Deleted release {id}.");
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
