using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class ArtifactsGetCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("artifact");

    public ArtifactsGetCommand(CliContext cli)
        : base("get", "Show one artifact.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            session.Output.Item(await session.Client.Artifacts.GetAsync(parseResult.GetRequiredValue(_id), ct), FirmwareViews.Artifact);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
