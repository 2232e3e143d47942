using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class TunnelsCloseCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("tunnel");

    public TunnelsCloseCommand(CliContext cli)
        : base("close", "Close a tunnel: its connections end and its token stops working.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            session.Output.Item(await session.Client.Tunnels.CloseAsync(parseResult.GetRequiredValue(_id), ct), Views.Tunnel);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
