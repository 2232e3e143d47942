using System.Text.Json;
using Hangar.Contracts.Access;
using Xunit;

namespace Hangar.Cli.Tests;

public sealed class ResourceCommandTests(CliServerFixture fixture) : IClassFixture<CliServerFixture>
{
    [Fact]
    public async Task ApiKeysCreate_Table_PrintsSecretOnceAndTheSecretWorks()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("secret once"));

        var result = (await cli.RunAsync("api-keys", "create", "--name", "ci-pipeline", "--role", "operator")).Succeeded();

        var secret = Assert.Single(result.Stdout.Split('\n'), line => line.StartsWith("hgr_", StringComparison.Ordinal)).Trim();
        Assert.Equal(1, CountOf(result.Stdout + result.Stderr, secret));
        Assert.Contains("shown only this once", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("ci-pipeline", result.Stdout, StringComparison.Ordinal);

        using var withNewKey = fixture.Cli(secret);
        var me = (await withNewKey.RunAsync("whoami", "--output", "json")).Succeeded().Json();
        Assert.Equal("operator", me.GetProperty("role").GetString());
    }

    [Fact]
    public async Task ApiKeysCreate_Json_EmitsTheApiResponseInSnakeCase()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("json create"));

        var result = (await cli.RunAsync("api-keys", "create", "--name", "reader", "--role", "viewer", "--expires-at", "2099-01-31T00:00:00Z", "-o", "json")).Succeeded();

        var json = result.Json();
        Assert.StartsWith("hgr_", json.GetProperty("secret").GetString(), StringComparison.Ordinal);
        var key = json.GetProperty("key");
        Assert.Equal("viewer", key.GetProperty("role").GetString());
        Assert.Equal(new DateTime(2099, 1, 31, 0, 0, 0, DateTimeKind.Utc), key.GetProperty("expires_at").GetDateTime().ToUniversalTime());
        Assert.Equal(JsonValueKind.Null, key.GetProperty("revoked_at").ValueKind);
        Assert.True(key.TryGetProperty("created_by", out _));
        Assert.Equal(1, CountOf(result.Stdout, json.GetProperty("secret").GetString()!));
    }

    [Fact]
    public async Task ApiKeysCreate_SameIdempotencyKeyTwice_CreatesOneKey()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("idempotent create"));
        string[] create = ["api-keys", "create", "--name", "retried", "--role", "viewer", "--idempotency-key", "deploy-42", "-o", "json"];

        var first = (await cli.RunAsync(create)).Succeeded().Json();
        var retried = (await cli.RunAsync(create)).Succeeded().Json();
        var listed = (await cli.RunAsync("api-keys", "list", "--search", "name:'retried'", "-o", "json")).Succeeded().Json();

        var key = Assert.Single(listed.GetProperty("data").EnumerateArray());
        Assert.Equal(first.GetProperty("key").GetProperty("id").GetGuid(), key.GetProperty("id").GetGuid());
        Assert.Equal(first.GetProperty("key").GetProperty("id").GetGuid(), retried.GetProperty("key").GetProperty("id").GetGuid());
        Assert.Equal(first.GetProperty("secret").GetString(), retried.GetProperty("secret").GetString());
    }

    [Fact]
    public async Task ApiKeysRevoke_Key_StopsWorking()
    {
        var owner = await fixture.NewOrganizationAsync("revoke");
        var doomed = await fixture.NewApiKeyAsync(owner, "viewer");
        using var cli = fixture.Cli(owner);

        (await cli.RunAsync("api-keys", "revoke", doomed.Key.Id.ToString())).Succeeded();
        var shown = (await cli.RunAsync("api-keys", "get", doomed.Key.Hrn, "-o", "json")).Succeeded().Json();
        using var withRevoked = fixture.Cli(doomed.Secret);
        var refused = await withRevoked.RunAsync("whoami");

        Assert.NotEqual(JsonValueKind.Null, shown.GetProperty("revoked_at").ValueKind);
        Assert.Equal(ExitCodes.AuthenticationFailed, refused.ExitCode);
    }

    [Fact]
    public async Task OrgsList_Json_EmitsWholeListResponse()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("list json org"));

        var json = (await cli.RunAsync("orgs", "list", "--output", "json")).Succeeded().Json();

        var organization = Assert.Single(json.GetProperty("data").EnumerateArray());
        Assert.Equal("list json org", organization.GetProperty("name").GetString());
        Assert.True(organization.TryGetProperty("created_at", out _));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("next_page").ValueKind);
    }

    [Fact]
    public async Task OrgsCreateGetUpdate_OwnOrganization_RoundTrips()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("parent org"));

        var created = (await cli.RunAsync("orgs", "create", "--name", "child org", "--create-api-key", "-o", "json")).Succeeded();
        var secret = created.Json().GetProperty("api_key").GetProperty("secret").GetString()!;
        Assert.Contains("shown only this once", created.Stderr, StringComparison.Ordinal);

        using var child = fixture.Cli(secret);
        var hrn = created.Json().GetProperty("organization").GetProperty("hrn").GetString()!;
        (await child.RunAsync("orgs", "update", hrn, "--name", "renamed child")).Succeeded();
        var shown = (await child.RunAsync("orgs", "get", hrn)).Succeeded();

        Assert.Contains("renamed child", shown.Stdout, StringComparison.Ordinal);
        Assert.Contains(hrn, shown.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MembersAdd_NewEmail_PrintsInvitationTokenThatAcceptsTheInvitation()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("invite org"));

        var result = (await cli.RunAsync("members", "add", "--email", "new.person@example.com", "--role", "operator", "--name", "New Person")).Succeeded();

        var lines = result.Stdout.Split('\n').Select(line => line.Trim()).ToList();
        var token = lines[lines.FindIndex(line => line.StartsWith("Invitation token", StringComparison.Ordinal)) + 1];
        Assert.Contains("shown only this once", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("invited", result.Stdout, StringComparison.Ordinal);
        await fixture.WithClientAsync<object?>(null, async client =>
        {
            await client.Members.AcceptInvitationAsync(
                new AcceptInvitationRequest(token, "a long enough password"), TestContext.Current.CancellationToken);
            return null;
        });
    }

    [Fact]
    public async Task MembersUpdateAndRemove_InvitedMember_ChangesRoleThenIsGone()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("member lifecycle"));
        var added = (await cli.RunAsync("members", "add", "--email", "temp@example.com", "--role", "viewer", "-o", "json")).Succeeded().Json();
        var id = added.GetProperty("member").GetProperty("id").GetString()!;

        var updated = (await cli.RunAsync("members", "update", id, "--role", "admin", "-o", "json")).Succeeded().Json();
        var listed = (await cli.RunAsync("members", "list", "--search", "email:'temp@example.com'")).Succeeded();
        (await cli.RunAsync("members", "remove", id)).Succeeded();
        var gone = await cli.RunAsync("members", "get", id);

        Assert.Equal("admin", updated.GetProperty("role").GetString());
        Assert.Contains("temp@example.com", listed.Stdout, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, gone.ExitCode);
    }

    [Fact]
    public async Task List_All_FollowsEveryPage()
    {
        var owner = await fixture.NewOrganizationAsync("paging org");
        for (var i = 0; i < 5; i++)
        {
            await fixture.NewApiKeyAsync(owner, "viewer", $"paged {i}");
        }

        using var cli = fixture.Cli(owner);

        var firstPage = (await cli.RunAsync("api-keys", "list", "--limit", "2", "-o", "json")).Succeeded().Json();
        var everything = (await cli.RunAsync("api-keys", "list", "--limit", "2", "--all", "-o", "json")).Succeeded().Json();
        var table = (await cli.RunAsync("api-keys", "list", "--limit", "2")).Succeeded();

        Assert.Equal(2, firstPage.GetProperty("data").GetArrayLength());
        var cursor = firstPage.GetProperty("next_page").GetString()!;
        Assert.Equal(6, everything.GetProperty("data").GetArrayLength());
        Assert.Equal(6, everything.GetProperty("data").EnumerateArray().Select(k => k.GetProperty("id").GetGuid()).Distinct().Count());
        Assert.Equal(JsonValueKind.Null, everything.GetProperty("next_page").ValueKind);
        Assert.Contains($"--page {cursor}", table.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(cursor, table.Stdout, StringComparison.Ordinal);

        var secondPage = (await cli.RunAsync("api-keys", "list", "--limit", "2", "--page", cursor, "-o", "json")).Succeeded().Json();
        Assert.Equal(
            everything.GetProperty("data")[2].GetProperty("id").GetGuid(),
            secondPage.GetProperty("data")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task AuditList_SearchByAction_FindsTheCreateCall()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("audit org"));
        var created = (await cli.RunAsync("api-keys", "create", "--name", "audited", "--role", "viewer", "-o", "json")).Succeeded().Json();
        var keyId = created.GetProperty("key").GetProperty("id").GetGuid();

        var entries = (await cli.RunAsync("audit", "list", "--search", "action:'api_key.create'", "--order", "desc", "-o", "json")).Succeeded().Json();

        var entry = Assert.Single(entries.GetProperty("data").EnumerateArray());
        Assert.Equal(keyId, entry.GetProperty("resource_id").GetGuid());
        Assert.Equal("success", entry.GetProperty("outcome").GetString());
        var shown = (await cli.RunAsync("audit", "get", entry.GetProperty("id").GetString()!)).Succeeded();
        Assert.Contains("api_key.create", shown.Stdout, StringComparison.Ordinal);
        Assert.Contains(entry.GetProperty("request_id").GetString()!, shown.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersMe_SameKey_PrintsTheSameAsWhoami()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("users me org"));

        var whoami = (await cli.RunAsync("whoami")).Succeeded();
        var usersMe = (await cli.RunAsync("users", "me")).Succeeded();

        Assert.Equal(whoami.Stdout, usersMe.Stdout);
        Assert.Contains(fixture.Server.Bootstrap!.OwnerEmail, whoami.Stdout, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var index = text.IndexOf(value, StringComparison.Ordinal); index >= 0; index = text.IndexOf(value, index + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
