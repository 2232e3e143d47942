using System.Diagnostics.CodeAnalysis;

namespace Hangar.Core.Resources;

/// <summary>
/// A resource name: <c>hrn:1:&lt;org-id&gt;</c> for an organization, <c>hrn:1:&lt;org-id&gt;:&lt;type&gt;:&lt;id&gt;</c> for
/// anything else. Accepted wherever an id is, so clients can pass around one self-describing string.
/// </summary>
public sealed record ResourceName(Guid OrganizationId, string Type, Guid Id)
{
    private const string Prefix = "hrn:1:";

    public static string Format(Guid organizationId, string type, Guid id) =>
        type == ResourceTypes.Organization
            ? $"{Prefix}{organizationId:D}"
            : $"{Prefix}{organizationId:D}:{type}:{id:D}";

    public static string ForOrganization(Guid organizationId) => $"{Prefix}{organizationId:D}";

    public override string ToString() => Format(OrganizationId, Type, Id);

    public static bool TryParse(string? text, [NotNullWhen(true)] out ResourceName? name)
    {
        name = null;
        if (text is null || text.Length > 200 || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = text[Prefix.Length..].Split(':');
        if (parts.Length == 1 && Guid.TryParseExact(parts[0], "D", out var orgOnly))
        {
            name = new ResourceName(orgOnly, ResourceTypes.Organization, orgOnly);
            return true;
        }

        if (parts.Length == 3
            && Guid.TryParseExact(parts[0], "D", out var org)
            && ResourceTypes.IsKnown(parts[1])
            && parts[1] != ResourceTypes.Organization
            && Guid.TryParseExact(parts[2], "D", out var id))
        {
            name = new ResourceName(org, parts[1], id);
            return true;
        }

        return false;
    }
}
