namespace Hangar.Core.Access;

/// <summary>A member's or API key's role in one organization. Ordered: a higher value can do everything a lower one can.</summary>
public enum Role
{
    Viewer = 0,
    Operator = 1,
    Admin = 2,
    Owner = 3,
}
