namespace Hangar.Contracts.Tunnels;

/// <summary>
/// A tunnel with its single-tunnel token, returned once at creation and at each rotation: it authenticates the user
/// side of this tunnel only (<c>Authorization: Bearer</c> on <see cref="TunnelResponse.ConnectPath"/>), dies when the
/// tunnel closes, and is stored by the server only as a digest.
/// </summary>
public sealed record TunnelTokenResponse(TunnelResponse Tunnel, string Token);
