using System.Net;
using Hangar.Contracts.Common;
using Hangar.Core.Access;
using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.Access;

/// <summary>
/// Every Admin API route × every role: the permission guard answers 403 insufficient_role exactly when the
/// <see cref="PermissionMatrix"/> says no. Requests carry random ids and empty bodies, so a permitted call fails
/// later (404/400) without changing anything.
/// </summary>
public abstract class RoleMatrixTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void EveryRoute_DeclaresAPermissionOrIsAnonymous_AndEveryMutationIsAudited()
    {
        foreach (var route in RouteCatalog.AdminApi(fixture.Server.Services))
        {
            Assert.True(route.Permission is not null ^ route.Anonymous, $"{route} must declare exactly one of a permission or anonymous");
            if (route.IsMutation)
            {
                Assert.True(route.AuditAction is not null, $"{route} mutates but declares no audit action");
            }
        }
    }

    [Fact]
    public async Task EveryRoute_ForEveryRole_IsAllowedExactlyAsTheMatrixSays()
    {
        var tenant = await fixture.NewTenantAsync();
        var keys = new Dictionary<Role, string> { [Role.Owner] = tenant.OwnerKey };
        foreach (var role in new[] { Role.Admin, Role.Operator, Role.Viewer })
        {
            keys[role] = await tenant.KeyAsync(role);
        }

        var routes = RouteCatalog.AdminApi(fixture.Server.Services).Where(r => r.Permission is not null).ToList();
        Assert.NotEmpty(routes);
        foreach (var route in routes)
        {
            foreach (var (role, key) in keys)
            {
                using var http = fixture.Server.CreateHttpClient(key);
                // Headers only: a permitted stream route (events/stream) answers 200 and never ends its body.
                using var response = await http.SendAsync(RouteCatalog.Request(route, Guid.CreateVersion7().ToString()), HttpCompletionOption.ResponseHeadersRead, Cancel);
                // A HEAD answer has no body to read the code from; nothing else answers these requests 403.
                var denied = response.StatusCode == HttpStatusCode.Forbidden && (route.Method == "HEAD" || (await response.ProblemAsync()).Code == ErrorCodes.InsufficientRole);
                var allowed = PermissionMatrix.Allows(role, route.Permission!.Value);
                Assert.True(allowed != denied, $"{route} as {role}: expected {(allowed ? "allowed" : "403 insufficient_role")}, got {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task EveryProtectedRoute_WithoutCredentials_Answers401()
    {
        using var http = fixture.Server.CreateHttpClient(null);
        foreach (var route in RouteCatalog.AdminApi(fixture.Server.Services).Where(r => !r.Anonymous))
        {
            using var response = await http.SendAsync(RouteCatalog.Request(route, Guid.CreateVersion7().ToString()), Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{route}: expected 401, got {(int)response.StatusCode}");
            Assert.True(response.Headers.WwwAuthenticate.Any(challenge => challenge.Scheme == "Bearer"), $"{route}: a 401 without a Bearer challenge");
            if (route.Method != "HEAD")
            {
                Assert.Equal(ErrorCodes.Unauthenticated, (await response.ProblemAsync()).Code);
            }
        }
    }

    public sealed class OnSqlite(SqliteServer fixture) : RoleMatrixTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : RoleMatrixTests(fixture);
}
