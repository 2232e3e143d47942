using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.Releases;

namespace Hangar.Cli.Commands;

internal sealed class BundleOverridesDevicesAddCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("bundle override");

    private readonly Option<string[]> _devices = new("--device")
    {
        Description = "A device id, HRN or identifier; repeat for each device (1 to 1,000). Devices already in the override stay as they are.",
        HelpName = "device",
        Required = true,
    };

    public BundleOverridesDevicesAddCommand(CliContext cli)
        : base("add", "Add devices to a bundle override. All or nothing: one unknown device and none is added.")
    {
        Add(_id);
        Add(_devices);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new AddBundleOverrideDevicesRequest(parseResult.GetRequiredValue(_devices));
            session.Output.Item(await session.Client.BundleOverrides.AddDevicesAsync(parseResult.GetRequiredValue(_id), request, ct), ReleaseViews.AddedDevices);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
