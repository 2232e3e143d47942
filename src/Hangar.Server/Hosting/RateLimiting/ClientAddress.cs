namespace Hangar.Server.Hosting.RateLimiting;

/// <summary>The partition key of everything limited per client address.</summary>
internal static class ClientAddress
{
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
