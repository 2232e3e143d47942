using System.CommandLine;
using System.Text.Json;
using Hangar.Cli.Output;
using Hangar.Contracts.Firmware;

namespace Hangar.Cli.Commands;

internal sealed class ArtifactsUpdateCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("artifact");

    private readonly Option<string?> _name = new("--name") { Description = "New name (1 to 128 characters).", HelpName = "name" };

    private readonly Option<string?> _description = new("--description") { Description = "New description (up to 256 characters).", HelpName = "text" };

    private readonly Option<JsonElement?> _metadata = CustomMetadataOption.Create();

    public ArtifactsUpdateCommand(CliContext cli)
        : base("update", "Change an artifact's name, description or custom metadata; options left out stay as they are.")
    {
        Add(_id);
        Add(_name);
        Add(_description);
        Add(_metadata);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new UpdateArtifactRequest(parseResult.GetValue(_name), parseResult.GetValue(_description), parseResult.GetValue(_metadata));
            session.Output.Item(await session.Client.Artifacts.UpdateAsync(parseResult.GetRequiredValue(_id), request, ct), FirmwareViews.Artifact);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
