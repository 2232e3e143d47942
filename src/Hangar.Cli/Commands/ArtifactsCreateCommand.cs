using System.CommandLine;
using System.Text.Json;
using Hangar.Cli.Output;
using Hangar.Contracts.Firmware;

namespace Hangar.Cli.Commands;

internal sealed class ArtifactsCreateCommand : Command
{
    private readonly Option<string> _name = new("--name") { Description = "Unique in the organization, e.g. 'rootfs' (1 to 128 characters).", HelpName = "name", Required = true };

    private readonly Option<string?> _description = new("--description") { Description = "Up to 256 characters.", HelpName = "text" };

    private readonly Option<JsonElement?> _metadata = CustomMetadataOption.Create();

    private readonly Option<string?> _idempotencyKey = IdempotencyKeyOption.Create();

    public ArtifactsCreateCommand(CliContext cli)
        : base("create", "Create an artifact: a kind of binary such as 'rootfs', 'app' or 'ml-model'.")
    {
        Add(_name);
        Add(_description);
        Add(_metadata);
        Add(_idempotencyKey);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new CreateArtifactRequest(parseResult.GetRequiredValue(_name), parseResult.GetValue(_description), parseResult.GetValue(_metadata));
            session.Output.Item(await session.Client.Artifacts.CreateAsync(request, IdempotencyKeyOption.Read(parseResult, _idempotencyKey, cli.Time), ct), FirmwareViews.Artifact);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
