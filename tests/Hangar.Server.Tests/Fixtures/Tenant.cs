using Hangar.Client;
using Hangar.Contracts.Access;
using Hangar.Core.Access;
using Hangar.Testing;

namespace Hangar.Server.Tests.Fixtures;

/// <summary>An organization of a test's own, with its owner key.</summary>
public sealed record Tenant(HangarTestServer Server, Guid OrganizationId, string OwnerKey, Guid OwnerUserId)
{
    public HangarClient Owner => Server.CreateClient(OwnerKey);

    public HttpClient OwnerHttp => Server.CreateHttpClient(OwnerKey);

    /// <summary>An API key of the given role, created by the owner.</summary>
    public async Task<string> KeyAsync(Role role, string? name = null)
    {
        var created = await Owner.ApiKeys.CreateAsync(new CreateApiKeyRequest(name ?? $"{role.ToWire()} key", role.ToWire()),
            cancellationToken: TestContext.Current.CancellationToken);
        return created.Secret;
    }

    public async Task<HangarClient> ClientAsync(Role role) => Server.CreateClient(await KeyAsync(role));
}
