using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class DevicesCheckNowCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("device");

    public DevicesCheckNowCommand(CliContext cli)
        : base("check-now", "Tell a device over its control socket to check for an update now (exit 7 when it is offline).")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            session.Output.Item(await session.Client.Devices.CheckNowAsync(parseResult.GetRequiredValue(_id), ct), Views.DeviceCommand);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
