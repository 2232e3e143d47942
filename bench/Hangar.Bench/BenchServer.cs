using Hangar.Client;
using Hangar.Contracts.Organizations;
using Hangar.Testing;

namespace Hangar.Bench;

/// <summary>A fresh server with rate limits lifted and loopback webhooks allowed, and an organization in it.</summary>
internal static class BenchServer
{
    public static async Task<(HangarTestServer Server, HangarClient Owner)> StartAsync(Dictionary<string, string?> extra) =>
        await StartAsync(DatabaseKind.Sqlite, extra);

    public static async Task<(HangarTestServer Server, HangarClient Owner)> StartAsync(DatabaseKind database, Dictionary<string, string?> extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["RateLimits:PerAddressPerMinute"] = "1000000",
            ["RateLimits:PerApiKeyPerMinute"] = "1000000",
            ["RateLimits:PerDevicePerMinute"] = "1000000",
            ["RateLimits:PerDeviceBurst"] = "1000000",
            ["Webhooks:AllowedNetworks:0"] = "127.0.0.0/8",
            ["Webhooks:RequireHttps"] = "false",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        var server = await HangarTestServer.StartAsync(database, settings);
        var organization = await server.CreateClient(server.Bootstrap!.ApiKey).Organizations.CreateAsync(
            new CreateOrganizationRequest("bench", CreateApiKey: true));
        return (server, server.CreateClient(organization.ApiKey!.Secret));
    }
}
