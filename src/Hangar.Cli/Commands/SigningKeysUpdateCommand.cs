using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.Firmware;

namespace Hangar.Cli.Commands;

internal sealed class SigningKeysUpdateCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("signing key");

    private readonly Option<string> _name = new("--name") { Description = "The new name.", HelpName = "name", Required = true };

    public SigningKeysUpdateCommand(CliContext cli)
        : base("update", "Rename a signing key; the name is the only thing that can change.")
    {
        Add(_id);
        Add(_name);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new UpdateSigningKeyRequest(parseResult.GetRequiredValue(_name));
            session.Output.Item(await session.Client.SigningKeys.UpdateAsync(parseResult.GetRequiredValue(_id), request, ct), FirmwareViews.SigningKey);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
