using System.CommandLine;

namespace Hangar.Cli.Commands;

internal sealed class ArtifactVersionsDeleteCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("artifact version");

    public ArtifactVersionsDeleteCommand(CliContext cli)
        : base("delete", "Delete an artifact version; only one without binaries can be deleted.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var id = parseResult.GetRequiredValue(_id);
            await session.Client.ArtifactVersions.DeleteAsync(id, ct);
            session.Output.Note($"Deleted artifact version {id}.");
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
