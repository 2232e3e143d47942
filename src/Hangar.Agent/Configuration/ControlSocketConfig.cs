namespace Hangar.Agent.Configuration;

/// <summary>The control socket to the server (<c>/device/v1/connect</c>): pushed commands and presence.</summary>
public sealed record ControlSocketConfig
{
    /// <summary>False: no socket; the device is then always shown offline and only polls.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The longest wait between reconnect attempts (exponential backoff with full jitter up to it).</summary>
    public int MaxBackoffSeconds { get; set; } = 300;

    /// <summary>How often the agent sends a <c>ping</c> frame, which keeps the server's idle close away (keep it well under 15 minutes).</summary>
    public int PingSeconds { get; set; } = 300;
}
