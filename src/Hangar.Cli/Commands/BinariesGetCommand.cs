using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class BinariesGetCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("binary");

    public BinariesGetCommand(CliContext cli)
        : base("get", "Show one binary and its state.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            session.Output.Item(await session.Client.Binaries.GetAsync(parseResult.GetRequiredValue(_id), ct), FirmwareViews.Binary);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
