namespace Hangar.Core.Resources;

/// <summary>What a path segment named: a resource id, or nothing usable (which the API answers with 404).</summary>
public static class ResourceReference
{
    /// <summary>
    /// Reads a path segment that is either a bare UUID or a resource name of the expected type. A resource name of
    /// another organization resolves to nothing: callers answer 404 so no other tenant's ids are confirmed.
    /// </summary>
    public static Guid? Resolve(string? segment, string expectedType, Guid callerOrganizationId)
    {
        if (Guid.TryParseExact(segment, "D", out var id))
        {
            return id;
        }

        if (!ResourceName.TryParse(segment, out var name)
            || name.Type != expectedType
            || name.OrganizationId != callerOrganizationId)
        {
            return null;
        }

        return name.Id;
    }
}
