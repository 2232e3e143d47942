namespace Hangar.Server.Features.Tunnels;

/// <summary>The agent did not connect a user's connection to the device port (it could not, or the tunnel closed meanwhile).</summary>
internal sealed class TunnelConnectRefusedException(string message) : Exception(message);
