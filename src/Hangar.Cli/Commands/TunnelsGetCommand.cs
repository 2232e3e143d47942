using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class TunnelsGetCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("tunnel");

    public TunnelsGetCommand(CliContext cli)
        : base("get", "Show one tunnel: its state, close reason, lifetime and bytes relayed.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            session.Output.Item(await session.Client.Tunnels.GetAsync(parseResult.GetRequiredValue(_id), ct), Views.Tunnel);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
