namespace Hangar.Server.Hosting.RateLimiting;

/// <summary>Endpoint metadata: device requests to this route are binary downloads, limited in their own per-device bucket.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class DownloadTrafficAttribute : Attribute;
