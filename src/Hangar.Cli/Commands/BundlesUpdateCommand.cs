using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.Firmware;

namespace Hangar.Cli.Commands;

internal sealed class BundlesUpdateCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("bundle");

    private readonly Option<string> _name = new("--name") { Description = "The new name.", HelpName = "name", Required = true };

    public BundlesUpdateCommand(CliContext cli)
        : base("update", "Rename a bundle; the name is the only thing that can change.")
    {
        Add(_id);
        Add(_name);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new UpdateBundleRequest(parseResult.GetRequiredValue(_name));
            session.Output.Item(await session.Client.Bundles.UpdateAsync(parseResult.GetRequiredValue(_id), request, ct), FirmwareViews.Bundle);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
