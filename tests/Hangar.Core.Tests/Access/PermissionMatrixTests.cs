using Hangar.Core.Access;
using Xunit;

namespace Hangar.Core.Tests.Access;

public sealed class PermissionMatrixTests
{
    [Fact]
    public void EveryPermission_HasAMinimumRole_ThatIsExactlyWhereAllowsBegins()
    {
        var roles = Enum.GetValues<Role>().Order().ToList();
        Assert.All(Enum.GetValues<Permission>(), permission =>
        {
            var minimum = PermissionMatrix.MinimumRoleFor(permission);
            Assert.Contains(minimum, roles);
            // The role the matrix names is the first that may, so what the console shows ("needs admin") is what Allows enforces.
            Assert.Equal(roles.Select(role => role >= minimum), roles.Select(role => PermissionMatrix.Allows(role, permission)));
        });
    }

    [Fact]
    public void Allows_IsMonotoneInRole()
    {
        foreach (var permission in Enum.GetValues<Permission>())
        {
            var allowed = Enum.GetValues<Role>().Order().Select(role => PermissionMatrix.Allows(role, permission)).ToList();
            // Once a role may do something, every higher role may too.
            Assert.Equal(allowed.OrderBy(a => a).ToList(), allowed);
            Assert.True(allowed[^1], $"owners must be able to do {permission}");
        }
    }

    [Theory]
    [InlineData(Role.Viewer, Permission.AuditRead, false)]
    [InlineData(Role.Admin, Permission.AuditRead, true)]
    [InlineData(Role.Viewer, Permission.ApiKeyManage, false)]
    [InlineData(Role.Operator, Permission.ApiKeyManage, true)]
    [InlineData(Role.Admin, Permission.OrganizationCreate, false)]
    [InlineData(Role.Owner, Permission.OrganizationCreate, true)]
    [InlineData(Role.Operator, Permission.MemberManage, false)]
    [InlineData(Role.Viewer, Permission.MemberRead, true)]
    public void Allows_MatchesTheDocumentedMatrix(Role role, Permission permission, bool expected) =>
        Assert.Equal(expected, PermissionMatrix.Allows(role, permission));

    [Fact]
    public void MayGrant_OnlyUpToOwnRole()
    {
        foreach (var grantor in Enum.GetValues<Role>())
        {
            foreach (var granted in Enum.GetValues<Role>())
            {
                Assert.Equal(granted <= grantor, PermissionMatrix.MayGrant(grantor, granted));
            }
        }
    }

    [Fact]
    public void RoleNames_RoundTrip_AndRejectEverythingElse()
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            Assert.True(RoleNames.TryParse(role.ToWire(), out var parsed));
            Assert.Equal(role, parsed);
        }

        Assert.False(RoleNames.TryParse("Owner", out _));
        Assert.False(RoleNames.TryParse("root", out _));
        Assert.False(RoleNames.TryParse(null, out _));
        Assert.Throws<FormatException>(() => RoleNames.Parse("superuser"));
    }
}
