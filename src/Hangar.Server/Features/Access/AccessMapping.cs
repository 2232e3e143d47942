using Hangar.Contracts.Access;
using Hangar.Core.Access;
using Hangar.Core.Resources;
using Hangar.Data.Access;

namespace Hangar.Server.Features.Access;

internal static class AccessMapping
{
    public static ApiKeyResponse ToResponse(this ApiKey key) => new(
        key.Id,
        ResourceName.Format(key.OrganizationId, ResourceTypes.ApiKey, key.Id),
        key.Name,
        key.Prefix,
        key.Role.ToWire(),
        key.UserId,
        key.ExpiresAt,
        key.RevokedAt,
        key.LastUsedAt,
        key.CreatedAt);

    public static MemberResponse ToResponse(this Membership membership, User user) => new(
        membership.Id,
        ResourceName.Format(membership.OrganizationId, ResourceTypes.Member, membership.Id),
        user.Email,
        user.Name,
        membership.Role.ToWire(),
        user.PasswordHash is null ? "invited" : "active",
        membership.CreatedAt,
        membership.UpdatedAt);
}
