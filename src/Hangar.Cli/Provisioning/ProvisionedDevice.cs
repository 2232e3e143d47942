namespace Hangar.Cli.Provisioning;

/// <summary>What `devices provision` did: the files it wrote and, with --register, the device it created.</summary>
internal sealed record ProvisionedDevice(
    string Identifier,
    Guid? DeviceId,
    string Config,
    string Certificate,
    string PrivateKey,
    string ServerCa,
    string ServerUrl,
    int TrustedKeys,
    DateTimeOffset CertificateExpiresAt);
