using Xunit;

namespace Hangar.Cli.Tests;

public sealed class ErrorExitCodeTests(CliServerFixture fixture) : IClassFixture<CliServerFixture>
{
    private const string UnknownId = "01890000-0000-7000-8000-000000000000";

    [Fact]
    public async Task Whoami_UnknownKey_ExitsAuthenticationFailed()
    {
        using var cli = fixture.Cli("hgr_abcdefghijkm_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

        var result = await cli.RunAsync("whoami");

        Assert.Equal(ExitCodes.AuthenticationFailed, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("error: unauthenticated:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("request id:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiKeysCreate_ViewerKey_ExitsForbidden()
    {
        var viewer = await fixture.NewApiKeyAsync(await fixture.NewOrganizationAsync("viewer org"), "viewer");
        using var cli = fixture.Cli(viewer.Secret);

        var result = await cli.RunAsync("api-keys", "create", "--name", "sneaky", "--role", "viewer");

        Assert.Equal(ExitCodes.Forbidden, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.StartsWith("error: insufficient_role:", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("orgs")]
    [InlineData("members")]
    [InlineData("api-keys")]
    [InlineData("audit")]
    [InlineData("products")]
    [InlineData("cohorts")]
    [InlineData("devices")]
    [InlineData("device-certificates")]
    [InlineData("ca-certificates")]
    public async Task Get_UnknownId_ExitsNotFound(string noun)
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync($"not found {noun}"));

        var result = await cli.RunAsync(noun, "get", UnknownId);

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.StartsWith("error: not_found:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiKeysCreate_InvalidFields_ExitsValidationFailedWithFieldErrors()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("validation org"));

        var result = await cli.RunAsync("api-keys", "create", "--name", new string('x', 101), "--role", "emperor", "--expires-at", "2001-01-01");

        Assert.Equal(ExitCodes.ValidationFailed, result.ExitCode);
        Assert.Empty(result.Stdout);
        var lines = result.Stderr.Split('\n');
        Assert.StartsWith("error: validation_failed:", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, line => line.StartsWith("  name: ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("  role: ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("  expires_at: ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("request id: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuditList_MalformedSearch_ExitsValidationFailed()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("bad search org"));

        var result = await cli.RunAsync("audit", "list", "--search", "action:'unterminated");

        Assert.Equal(ExitCodes.ValidationFailed, result.ExitCode);
        Assert.StartsWith("error: invalid_search:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MembersAdd_ExistingMember_ExitsConflict()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("conflict org"));
        (await cli.RunAsync("members", "add", "--email", "twice@example.com", "--role", "viewer")).Succeeded();

        var result = await cli.RunAsync("members", "add", "--email", "twice@example.com", "--role", "viewer");

        Assert.Equal(ExitCodes.Conflict, result.ExitCode);
        Assert.StartsWith("error: already_exists:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whoami_NobodyListening_ExitsServerError()
    {
        using var cli = fixture.Cli("hgr_whatever");
        cli.Environment[EnvironmentVariables.Url] = "http://127.0.0.1:1/";

        var result = await cli.RunAsync("whoami");

        Assert.Equal(ExitCodes.ServerError, result.ExitCode);
        Assert.Contains("could not reach the server at http://127.0.0.1:1/", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_Interrupted_ExitsInterruptedWithoutStackTrace()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("interrupted org"));
        using var interrupt = new CancellationTokenSource();
        await interrupt.CancelAsync();

        var result = await cli.RunAsync(interrupt.Token, "api-keys", "list");

        Assert.Equal(ExitCodes.Interrupted, result.ExitCode);
        Assert.Equal("interrupted.", result.Stderr.Trim());
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("orgs")]
    [InlineData("orgs", "get")]
    [InlineData("orgs", "list", "--output", "xml")]
    [InlineData("orgs", "list", "--limit", "0")]
    [InlineData("orgs", "list", "--limit", "ten")]
    [InlineData("orgs", "list", "--order", "sideways")]
    [InlineData("api-keys", "create", "--role", "viewer")]
    [InlineData("api-keys", "create", "--name", "n", "--role", "viewer", "--expires-at", "next tuesday")]
    [InlineData("members", "add", "--email", "a@example.com")]
    [InlineData("devices", "bulk", "explode", "--search", "tags:'x'")]
    [InlineData("devices", "import")]
    [InlineData("device-certificates", "create", "--device", "d")]
    [InlineData("ca-certificates", "create", "--cert", "ca.crt")]
    [InlineData("products", "update", "p", "--archived", "maybe")]
    [InlineData("x509", "ca", "create")]
    [InlineData("x509", "ca", "create", "--out", "dir", "--days", "0")]
    [InlineData("x509", "device", "create", "--ca-cert", "ca.crt", "--ca-key", "ca.key", "--out", "dir")]
    public async Task Command_BadArguments_ExitsUsageErrorWithoutCallingTheServer(params string[] args)
    {
        // No server is configured: reaching it would be exit 3, so exit 2 proves the arguments were rejected first.
        using var cli = new CliSandbox();

        var result = await cli.RunAsync(args);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("--help' for usage.", result.Stderr, StringComparison.Ordinal);
    }
}
