using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.Tunnels;

namespace Hangar.Cli.Commands;

internal sealed class TunnelsExtendCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("tunnel");
    private readonly Option<int?> _ttl = TtlOption.Create("The new lifetime from now (90s, 30m, 2h); the server caps a tunnel's whole life.");

    public TunnelsExtendCommand(CliContext cli)
        : base("extend", "Extend an open tunnel's lifetime (exit 7 past the server's maximum).")
    {
        Add(_id);
        _ttl.Required = true;
        Add(_ttl);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new ExtendTunnelRequest(parseResult.GetValue(_ttl)!.Value);
            session.Output.Item(await session.Client.Tunnels.ExtendAsync(parseResult.GetRequiredValue(_id), request, ct), Views.Tunnel);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
