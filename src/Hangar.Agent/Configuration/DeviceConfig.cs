namespace Hangar.Agent.Configuration;

public sealed record DeviceConfig
{
    /// <summary>PEM device certificate (optionally followed by intermediates) presented for mutual TLS.</summary>
    public string? Certificate { get; set; }

    /// <summary>PEM private key of the device certificate.</summary>
    public string? PrivateKey { get; set; }
}
