using Hangar.Client;
using Hangar.Contracts.Access;
using Hangar.Contracts.Organizations;
using Hangar.Testing;
using Xunit;

namespace Hangar.Cli.Tests;

/// <summary>One real server per test class; each test makes its own organization in it, so tests share no data.</summary>
public sealed class CliServerFixture : IAsyncLifetime
{
    private HangarTestServer? _server;

    public HangarTestServer Server => _server ?? throw new InvalidOperationException("the fixture has not started");

    public Uri Url => Server.AdminBaseAddress;

    public async ValueTask InitializeAsync() =>
        // A CLI test makes many calls from one address; the production limit would only make the suite flaky.
        _server = await HangarTestServer.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["RateLimits:PerAddressPerMinute"] = "1000000",
            ["RateLimits:PerApiKeyPerMinute"] = "1000000",
            ["RateLimits:PerDevicePerMinute"] = "1000000",
            ["RateLimits:PerDeviceBurst"] = "1000000",
            ["RateLimits:RefusedCredentialsPerAddressPerMinute"] = "1000000",
            // Small parts keep uploads of many parts fast.
            ["Firmware:MinPartBytes"] = "1024",
            // Webhook commands are tested against loopback addresses, which the operator allow-list must permit.
            ["Webhooks:AllowedNetworks:0"] = "127.0.0.0/8",
            ["Webhooks:RequireHttps"] = "false",
        });

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>A new organization owned by the bootstrap user; returns the secret of its owner key.</summary>
    public async Task<string> NewOrganizationAsync(string name)
    {
        var created = await WithClientAsync(Server.Bootstrap!.ApiKey, client =>
            client.Organizations.CreateAsync(new CreateOrganizationRequest(name, CreateApiKey: true), cancellationToken: TestContext.Current.CancellationToken));
        return created.ApiKey!.Secret;
    }

    /// <summary>A key with <paramref name="role"/> in the organization of <paramref name="ownerKey"/>.</summary>
    public Task<ApiKeyCreatedResponse> NewApiKeyAsync(string ownerKey, string role, string name = "test key") =>
        WithClientAsync(ownerKey, client =>
            client.ApiKeys.CreateAsync(new CreateApiKeyRequest(name, role), cancellationToken: TestContext.Current.CancellationToken));

    public async Task<T> WithClientAsync<T>(string? apiKey, Func<HangarClient, Task<T>> call)
    {
        using var http = Server.CreateHttpClient(apiKey);
        return await call(new HangarClient(http));
    }

    /// <summary>A CLI sandbox with this server and <paramref name="apiKey"/> in its environment.</summary>
    public CliSandbox Cli(string apiKey)
    {
        var cli = new CliSandbox();
        cli.Environment[EnvironmentVariables.Url] = Url.ToString();
        cli.Environment[EnvironmentVariables.ApiKey] = apiKey;
        return cli;
    }
}
