using Hangar.Client;
using Hangar.Contracts.Organizations;
using Hangar.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Fixtures;

/// <summary>
/// One running server per provider for the whole test assembly. Tests never share data: each creates its own
/// organization with <see cref="NewTenantAsync"/>, which is also what makes org-isolation tests meaningful.
/// </summary>
public abstract class ServerFixture(DatabaseKind database) : IAsyncLifetime
{
    private HangarTestServer? _server;

    public HangarTestServer Server => _server ?? throw new InvalidOperationException("fixture not initialized");

    public DatabaseKind Database => database;

    /// <summary>The owner key of the bootstrap organization.</summary>
    public HangarClient BootstrapClient => Server.CreateClient(Server.Bootstrap!.ApiKey);

    /// <summary>Every test talks from 127.0.0.1, so the shared servers lift the limits; RateLimitTests runs its own strict server.</summary>
    private static readonly Dictionary<string, string?> UnlimitedRates = new()
    {
        ["RateLimits:PerAddressPerMinute"] = "1000000",
        ["RateLimits:PerApiKeyPerMinute"] = "1000000",
        ["RateLimits:PerDevicePerMinute"] = "1000000",
        ["RateLimits:PerDeviceBurst"] = "1000000",
        ["RateLimits:SignInPerAddressPerMinute"] = "10000",
        ["RateLimits:RefusedCredentialsPerAddressPerMinute"] = "1000000",
        // Small parts keep firmware upload tests fast; the 5 MiB production floor is only a setting.
        ["Firmware:MinPartBytes"] = "1024",
    };

    public async ValueTask InitializeAsync() =>
        _server = await HangarTestServer.StartAsync(database, Settings(UnlimitedRates), ConfigureServices);

    /// <summary>The configuration the server starts with; fixtures with other needs add to it.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings(Dictionary<string, string?> defaults) => defaults;

    /// <summary>Services replaced after the server's own registrations.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>A fresh organization with an owner API key (owned by the bootstrap user).</summary>
    public async Task<Tenant> NewTenantAsync(string? name = null)
    {
        var created = await BootstrapClient.Organizations.CreateAsync(
            new CreateOrganizationRequest(name ?? $"tenant {Guid.CreateVersion7():N}", CreateApiKey: true),
            cancellationToken: TestContext.Current.CancellationToken);
        return new Tenant(Server, created.Organization.Id, created.ApiKey!.Secret, created.ApiKey.Key.CreatedBy);
    }
}
