using Hangar.Core.Access;
using Hangar.Data.Access;
using Hangar.Server.Hosting.Authentication;

namespace Hangar.Server.Features.Access;

/// <summary>Mints API keys: the secret exists only in the returned value; the row keeps its prefix and hash.</summary>
internal static class ApiKeyFactory
{
    public static (ApiKey Key, string Secret) Create(Guid organizationId, Guid userId, string name, Role role, DateTime? expiresAt, DateTime now)
    {
        var (secret, prefix) = SecretTokens.NewApiKey();
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = organizationId,
            UserId = userId,
            Name = name,
            Prefix = prefix,
            SecretHash = SecretTokens.Hash(secret),
            Role = role,
            ExpiresAt = expiresAt,
            CreatedAt = now,
        };
        return (key, secret);
    }
}
