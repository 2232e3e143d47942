namespace Hangar.Agent.Configuration;

public sealed record ServerConfig
{
    /// <summary>The device API base address, https only.</summary>
    public string? Url { get; set; }

    /// <summary>PEM file with the CA (or CAs) the server certificate must chain to; nothing else is trusted.</summary>
    public string? CaCertificate { get; set; }
}
