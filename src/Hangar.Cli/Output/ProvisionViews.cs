using Hangar.Cli.Provisioning;

namespace Hangar.Cli.Output;

internal static class ProvisionViews
{
    public static ResourceView<ProvisionedDevice> ProvisionedDevice { get; } = new ResourceView<ProvisionedDevice>()
        .Add("IDENTIFIER", p => p.Identifier)
        .Add("DEVICE ID", p => p.DeviceId)
        .Add("CONFIG", p => p.Config)
        .Add("CERTIFICATE", p => p.Certificate)
        .Add("PRIVATE KEY", p => p.PrivateKey)
        .Add("SERVER CA", p => p.ServerCa)
        .Add("SERVER URL", p => p.ServerUrl)
        .Add("TRUSTED KEYS", p => p.TrustedKeys)
        .Add("CERTIFICATE EXPIRES", p => p.CertificateExpiresAt);
}
