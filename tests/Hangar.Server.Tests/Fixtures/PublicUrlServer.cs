using Hangar.Testing;

namespace Hangar.Server.Tests.Fixtures;

/// <summary>A server configured with public addresses, as behind a load balancer.</summary>
public abstract class PublicUrlServer(DatabaseKind database) : ServerFixture(database)
{
    public const string PublicDeviceUrl = "https://devices.example.com:8443";

    protected override IReadOnlyDictionary<string, string?> Settings(Dictionary<string, string?> defaults) =>
        defaults.Concat(new Dictionary<string, string?> { ["Firmware:PublicDeviceUrl"] = PublicDeviceUrl }).ToDictionary();
}
