namespace Hangar.Core.Access;

/// <summary>The wire spelling of roles: lowercase words.</summary>
public static class RoleNames
{
    public static string ToWire(this Role role) => role switch
    {
        Role.Viewer => "viewer",
        Role.Operator => "operator",
        Role.Admin => "admin",
        Role.Owner => "owner",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static bool TryParse(string? text, out Role role)
    {
        switch (text)
        {
            case "viewer": role = Role.Viewer; return true;
            case "operator": role = Role.Operator; return true;
            case "admin": role = Role.Admin; return true;
            case "owner": role = Role.Owner; return true;
            default: role = default; return false;
        }
    }

    public static Role Parse(string text) =>
        TryParse(text, out var role) ? role : throw new FormatException($"'{text}' is not a role");

    public static IReadOnlyList<string> All { get; } = ["viewer", "operator", "admin", "owner"];
}
