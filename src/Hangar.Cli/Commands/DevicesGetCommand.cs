using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class DevicesGetCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("device");

    public DevicesGetCommand(CliContext cli)
        : base("get", "Show one device, with its reported release, last connection and presence (online, since when, from where, which node).")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            session.Output.Item(await session.Client.Devices.GetAsync(parseResult.GetRequiredValue(_id), ct), Views.Device);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
