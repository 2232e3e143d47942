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

    private readonly Option<bool> _allowMissingTargets = new("--allow-missing-targets")
    {
        Description = "Accept devices of hardware targets the override's bundle has no binary for, as long as one of their targets is served.",
    };

    public BundleOverridesDevicesAddCommand(CliContext cli)
        : base("add", "Add devices to a bundle override. All or nothing: one unknown device and none is added.")
    {
        Add(_id);
        Add(_devices);
        Add(_allowMissingTargets);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new AddBundleOverrideDevicesRequest(parseResult.GetRequiredValue(_devices), parseResult.GetValue(_allowMissingTargets));
            session.Output.Item(await session.Client.BundleOverrides.AddDevicesAsync(parseResult.GetRequiredValue(_id), request, ct), ReleaseViews.AddedDevices);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
