using System.CommandLine;
using System.Text.Json;
using Hangar.Cli.Output;
using Hangar.Contracts.Firmware;

namespace Hangar.Cli.Commands;

internal sealed class ArtifactVersionsUpdateCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("artifact version");

    private readonly Option<string?> _description = new("--description") { Description = "New description (up to 256 characters).", HelpName = "text" };

    private readonly Option<JsonElement?> _metadata = CustomMetadataOption.Create();

    public ArtifactVersionsUpdateCommand(CliContext cli)
        : base("update", "Change an artifact version's description or custom metadata; the version string is fixed.")
    {
        Add(_id);
        Add(_description);
        Add(_metadata);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new UpdateArtifactVersionRequest(parseResult.GetValue(_description), parseResult.GetValue(_metadata));
            session.Output.Item(await session.Client.ArtifactVersions.UpdateAsync(parseResult.GetRequiredValue(_id), request, ct), FirmwareViews.ArtifactVersion);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
