using System.CommandLine;

namespace Hangar.Cli.Commands;

internal sealed class ArtifactsDeleteCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("artifact");

    public ArtifactsDeleteCommand(CliContext cli)
        : base("delete", "Delete an artifact; only one without versions can be deleted.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var id = parseResult.GetRequiredValue(_id);
            await session.Client.Artifacts.DeleteAsync(id, ct);
            session.Output.Note($"Deleted artifact {id}.");
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
