namespace Hangar.Cli.Provisioning;

/// <summary>The files `devices provision` writes into its output directory.</summary>
internal static class ProvisionFiles
{
    public const string Config = "config.json";
    public const string Certificate = "device.crt";
    public const string Key = "device.key";
    public const string ServerCa = "server-ca.crt";
}
