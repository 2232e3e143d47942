using Hangar.Client;
using Hangar.Contracts.Tunnels;

namespace Hangar.Cli.Tunnels;

/// <summary>Waits for a requested tunnel to be accepted by the agent (or refused).</summary>
internal static class TunnelWait
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private const int MaxPolls = 120;

    public static async Task<TunnelResponse> UntilOpenAsync(HangarClient client, TunnelResponse tunnel, CancellationToken cancellationToken)
    {
        for (var polls = 0; tunnel.State == "requested"; polls++)
        {
            if (polls == MaxPolls)
            {
                await client.Tunnels.CloseAsync(tunnel.Id.ToString(), CancellationToken.None);
                throw new CommandException(ExitCodes.UnexpectedError, $"The device did not answer the tunnel request within {(Poll * MaxPolls).TotalSeconds:0} s; tunnel {tunnel.Id} was closed.");
            }

            await Task.Delay(Poll, cancellationToken);
            tunnel = await client.Tunnels.GetAsync(tunnel.Id.ToString(), cancellationToken);
        }

        return tunnel.State == "open"
            ? tunnel
            : throw new CommandException(ExitCodes.Conflict, $"The tunnel was refused: {tunnel.CloseReason}{(tunnel.CloseMessage is null ? "" : $" ({tunnel.CloseMessage})")}.");
    }
}
