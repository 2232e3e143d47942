using System.CommandLine;

namespace Hangar.Cli.Commands;

internal sealed class BundleOverridesDevicesRemoveCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("bundle override");

    private readonly Argument<string> _device = new("device") { Description = "The device: its id (UUID), HRN or identifier." };

    public BundleOverridesDevicesRemoveCommand(CliContext cli)
        : base("remove", "Remove a device from a bundle override; it goes back to its cohort's releases.")
    {
        Add(_id);
        Add(_device);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var id = parseResult.GetRequiredValue(_id);
            var device = parseResult.GetRequiredValue(_device);
            await session.Client.BundleOverrides.RemoveDeviceAsync(id, device, ct);
            session.Output.Note($"Removed device {device} from bundle override {id}.");
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
