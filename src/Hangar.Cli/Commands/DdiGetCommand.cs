using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class DdiGetCommand : Command
{
    private readonly Argument<string> _device = IdArgument.Create("device");

    public DdiGetCommand(CliContext cli)
        : base("get", "Show a device as a hawkBit target: whether it has a target token, and the attributes its client sent (configData).")
    {
        Add(_device);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            session.Output.Item(await session.Client.Ddi.GetTargetAsync(parseResult.GetRequiredValue(_device), ct), Views.DdiTarget);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
