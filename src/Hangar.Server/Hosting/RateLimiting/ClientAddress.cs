namespace Hangar.Server.Hosting.RateLimiting;

/// <summary>
/// The partition key of everything limited per client address: the connection's remote address, which behind a
/// trusted proxy is the client's as that proxy forwarded it (<see cref="Proxies.ClientAddressMiddleware"/>), so
/// clients behind one proxy each have their own budgets.
/// </summary>
internal static class ClientAddress
{
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
