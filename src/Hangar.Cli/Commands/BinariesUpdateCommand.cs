using System.CommandLine;
using System.Text.Json;
using Hangar.Cli.Output;
using Hangar.Contracts.Firmware;

namespace Hangar.Cli.Commands;

internal sealed class BinariesUpdateCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("binary");

    private readonly Option<string?> _state = new("--state")
    {
        Description = "hashable (all parts uploaded), hashing (verify), uploadable (reset: deletes the parts) or destroyed (delete the content of a signed binary).",
        HelpName = "state",
    };

    private readonly Option<string?> _description = new("--description") { Description = "New description (up to 256 characters).", HelpName = "text" };

    private readonly Option<JsonElement?> _metadata = CustomMetadataOption.Create();

    public BinariesUpdateCommand(CliContext cli)
        : base("update", "Move a binary to another state or change its description or custom metadata.")
    {
        _state.AcceptOnlyFromAmong("hashable", "hashing", "uploadable", "destroyed");
        Add(_id);
        Add(_state);
        Add(_description);
        Add(_metadata);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new UpdateBinaryRequest(parseResult.GetValue(_state), parseResult.GetValue(_description), parseResult.GetValue(_metadata));
            session.Output.Item(await session.Client.Binaries.UpdateAsync(parseResult.GetRequiredValue(_id), request, ct), FirmwareViews.Binary);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
