namespace Hangar.Contracts.Tunnels;

/// <summary>
/// The <c>data</c> of the control frames <c>tunnel_open</c> (is this port allowed? answered <c>ack</c> or
/// <c>refused</c>) and <c>tunnel_connect</c> (open one data socket, <see cref="ConnectionId"/>, to
/// <c>GET /device/v1/tunnels/connections/{connection_id}</c> and connect it to <c>127.0.0.1:port</c>).
/// </summary>
public sealed record TunnelOpenData(Guid TunnelId, int Port, Guid? ConnectionId = null);
