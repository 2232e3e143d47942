using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class DevicesRebootCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("device");
    private readonly Option<bool> _yes = new("--yes") { Description = "Confirm the reboot (required: a reboot interrupts whatever the device does)." };

    public DevicesRebootCommand(CliContext cli)
        : base("reboot", "Tell a device over its control socket to reboot (exit 7 when it is offline). The agent refuses during an install or an uncommitted trial boot.")
    {
        Add(_id);
        Add(_yes);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            if (!parseResult.GetValue(_yes))
            {
                throw new CommandException(ExitCodes.UsageError, "rebooting a device needs --yes.");
            }

            session.Output.Item(await session.Client.Devices.RebootAsync(parseResult.GetRequiredValue(_id), ct), Views.DeviceCommand);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
