using Hangar.Core.Access;
using Hangar.Data.Access;

namespace Hangar.Server.Features.Access;

/// <summary>The data of <c>api_key.*</c> events: what identifies the key, never its secret.</summary>
internal sealed record ApiKeyEventData(string Name, string Prefix, string Role, Guid CreatedBy, DateTime? ExpiresAt)
{
    public static ApiKeyEventData Of(ApiKey key) => new(key.Name, key.Prefix, key.Role.ToWire(), key.UserId, key.ExpiresAt);
}
