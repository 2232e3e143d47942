using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class ArtifactVersionsGetCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("artifact version");

    public ArtifactVersionsGetCommand(CliContext cli)
        : base("get", "Show one artifact version.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            session.Output.Item(await session.Client.ArtifactVersions.GetAsync(parseResult.GetRequiredValue(_id), ct), FirmwareViews.ArtifactVersion);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
