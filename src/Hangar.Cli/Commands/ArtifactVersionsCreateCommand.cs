using System.CommandLine;
using System.Text.Json;
using Hangar.Cli.Output;
using Hangar.Contracts.Firmware;

namespace Hangar.Cli.Commands;

internal sealed class ArtifactVersionsCreateCommand : Command
{
    private readonly Option<string> _artifact = new("--artifact") { Description = "The artifact: its id, HRN or name.", HelpName = "artifact", Required = true };

    private readonly Option<string> _version = new("--version") { Description = "Free-form, unique within the artifact, e.g. '2.4.0' (1 to 128 characters).", HelpName = "version", Required = true };

    private readonly Option<string?> _description = new("--description") { Description = "Up to 256 characters.", HelpName = "text" };

    private readonly Option<JsonElement?> _metadata = CustomMetadataOption.Create();

    private readonly Option<string?> _idempotencyKey = IdempotencyKeyOption.Create();

    public ArtifactVersionsCreateCommand(CliContext cli)
        : base("create", "Create a version of an artifact.")
    {
        Add(_artifact);
        Add(_version);
        Add(_description);
        Add(_metadata);
        Add(_idempotencyKey);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new CreateArtifactVersionRequest(
                parseResult.GetRequiredValue(_artifact), parseResult.GetRequiredValue(_version), parseResult.GetValue(_description), parseResult.GetValue(_metadata));
            session.Output.Item(await session.Client.ArtifactVersions.CreateAsync(request, IdempotencyKeyOption.Read(parseResult, _idempotencyKey, cli.Time), ct), FirmwareViews.ArtifactVersion);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
