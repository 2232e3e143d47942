using System.Text.Json;
using Xunit;

namespace Hangar.Cli.Tests;

public sealed class ProfileTests(CliServerFixture fixture) : IClassFixture<CliServerFixture>
{
    [Fact]
    public async Task Login_ValidKey_WritesOwnerOnlyProfileThatLaterCommandsUse()
    {
        var key = await fixture.NewOrganizationAsync("login writes profile");
        using var cli = new CliSandbox();

        var login = (await cli.RunAsync("login", "--url", fixture.Url.ToString(), "--api-key", key)).Succeeded();

        Assert.Contains(fixture.Server.Bootstrap!.OwnerEmail, login.Stdout, StringComparison.Ordinal);
        Assert.Contains("Saved profile 'default'", login.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(cli.ConfigFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(cli.ConfigFile));
        }

        Assert.Equal(["config.json"], Directory.GetFiles(cli.ConfigDirectory).Select(Path.GetFileName));
        using var config = JsonDocument.Parse(await File.ReadAllTextAsync(cli.ConfigFile, TestContext.Current.CancellationToken));
        Assert.Equal(key, config.RootElement.GetProperty("profiles").GetProperty("default").GetProperty("api_key").GetString());

        var whoami = (await cli.RunAsync("whoami", "--output", "json")).Succeeded().Json();
        Assert.Equal("api_key", whoami.GetProperty("authenticated_by").GetString());
        Assert.Equal("owner", whoami.GetProperty("role").GetString());
        var table = (await cli.RunAsync("whoami")).Succeeded();
        // The organization reads by its name; its HRN has a row of its own.
        Assert.Equal("login writes profile", whoami.GetProperty("organization_name").GetString());
        Assert.Matches(@"ORGANIZATION\s+│ login writes profile", table.Stdout);
        Assert.Matches(@"ORGANIZATION HRN\s+│ hrn:1:", table.Stdout);
    }

    [Fact]
    public async Task Login_SecondProfile_KeepsTheFirstAndIsSelectedByFlagOrEnvironment()
    {
        var first = await fixture.NewOrganizationAsync("first profile");
        var second = await fixture.NewOrganizationAsync("second profile");
        using var cli = new CliSandbox();
        (await cli.RunAsync("login", "--url", fixture.Url.ToString(), "--api-key", first)).Succeeded();
        (await cli.RunAsync("login", "--profile", "ci", "--url", fixture.Url.ToString(), "--api-key", second)).Succeeded();

        var byDefault = await OrganizationHrnAsync(cli);
        var byFlag = await OrganizationHrnAsync(cli, "--profile", "ci");
        cli.Environment[EnvironmentVariables.Profile] = "ci";
        var byEnvironment = await OrganizationHrnAsync(cli);
        var flagOverEnvironment = await OrganizationHrnAsync(cli, "--profile", "default");

        Assert.NotEqual(byDefault, byFlag);
        Assert.Equal(byFlag, byEnvironment);
        Assert.Equal(byDefault, flagOverEnvironment);
    }

    [Fact]
    public async Task Environment_KeyAndProfileBothSet_EnvironmentWins()
    {
        var profileKey = await fixture.NewOrganizationAsync("profile org");
        var environmentKey = await fixture.NewOrganizationAsync("environment org");
        using var cli = new CliSandbox();
        (await cli.RunAsync("login", "--url", fixture.Url.ToString(), "--api-key", profileKey)).Succeeded();
        var profileOrganization = await OrganizationHrnAsync(cli);

        cli.Environment[EnvironmentVariables.ApiKey] = environmentKey;
        var environmentOrganization = await OrganizationHrnAsync(cli);

        using var expected = fixture.Cli(environmentKey);
        Assert.NotEqual(profileOrganization, environmentOrganization);
        Assert.Equal(await OrganizationHrnAsync(expected), environmentOrganization);
    }

    [Fact]
    public async Task Flag_UrlAndKeyAlsoInEnvironment_FlagWins()
    {
        var flagKey = await fixture.NewOrganizationAsync("flag org");
        var environmentKey = await fixture.NewOrganizationAsync("environment org 2");
        using var cli = new CliSandbox();
        // The environment points at a port nobody listens on: only the flags can make this call succeed.
        cli.Environment[EnvironmentVariables.Url] = "http://127.0.0.1:1/";
        cli.Environment[EnvironmentVariables.ApiKey] = environmentKey;

        var result = (await cli.RunAsync("whoami", "--output", "json", "--url", fixture.Url.ToString(), "--api-key", flagKey)).Succeeded();

        using var expected = fixture.Cli(flagKey);
        Assert.Equal(await OrganizationHrnAsync(expected), result.Json().GetProperty("organization_hrn").GetString());
    }

    [Fact]
    public async Task Command_NothingConfigured_ExitsNotConfiguredWithHowToFix()
    {
        using var cli = new CliSandbox();

        var result = await cli.RunAsync("orgs", "list");

        Assert.Equal(ExitCodes.NotConfigured, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("hangar login --url URL --api-key KEY", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(EnvironmentVariables.ApiKey, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_UrlButNoKey_ExitsNotConfigured()
    {
        using var cli = new CliSandbox();
        cli.Environment[EnvironmentVariables.Url] = fixture.Url.ToString();

        var result = await cli.RunAsync("whoami");

        Assert.Equal(ExitCodes.NotConfigured, result.ExitCode);
        Assert.Contains("no API key", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_UnknownProfile_ExitsNotConfiguredNamingIt()
    {
        using var cli = new CliSandbox();

        var result = await cli.RunAsync("whoami", "--profile", "staging");

        Assert.Equal(ExitCodes.NotConfigured, result.ExitCode);
        Assert.Contains("profile 'staging' does not exist", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_InvalidKey_ExitsAuthenticationFailedAndSavesNothing()
    {
        using var cli = new CliSandbox();

        var result = await cli.RunAsync("login", "--url", fixture.Url.ToString(), "--api-key", "hgr_abcdefghijkm_not-a-real-secret");

        Assert.Equal(ExitCodes.AuthenticationFailed, result.ExitCode);
        Assert.Contains("error: unauthenticated:", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(cli.ConfigFile));
    }

    [Fact]
    public async Task Login_WithoutUrl_ExitsUsageError()
    {
        using var cli = new CliSandbox();

        var result = await cli.RunAsync("login", "--api-key", "hgr_whatever");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("--url", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_NamedProfile_RemovesOnlyThatProfile()
    {
        var key = await fixture.NewOrganizationAsync("logout org");
        using var cli = new CliSandbox();
        (await cli.RunAsync("login", "--url", fixture.Url.ToString(), "--api-key", key)).Succeeded();
        (await cli.RunAsync("login", "--profile", "old", "--url", fixture.Url.ToString(), "--api-key", key)).Succeeded();

        (await cli.RunAsync("logout", "--profile", "old")).Succeeded();
        var again = await cli.RunAsync("logout", "--profile", "old");
        var profiles = (await cli.RunAsync("profiles", "list", "--output", "json")).Succeeded().Json();

        Assert.Equal(ExitCodes.NotFound, again.ExitCode);
        Assert.Equal(["default"], profiles.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        (await cli.RunAsync("whoami")).Succeeded();
    }

    [Fact]
    public async Task ProfilesList_SavedProfile_ShowsItWithoutTheSecret()
    {
        var key = await fixture.NewOrganizationAsync("profiles list org");
        using var cli = new CliSandbox();
        (await cli.RunAsync("login", "--url", fixture.Url.ToString(), "--api-key", key)).Succeeded();

        var table = (await cli.RunAsync("profiles", "list")).Succeeded();
        var json = (await cli.RunAsync("profiles", "list", "--output", "json")).Succeeded().Json();

        Assert.DoesNotContain(key, table.Stdout, StringComparison.Ordinal);
        Assert.Contains(key[..17], table.Stdout, StringComparison.Ordinal);
        var profile = Assert.Single(json.GetProperty("data").EnumerateArray());
        Assert.Equal("default", profile.GetProperty("name").GetString());
        Assert.True(profile.GetProperty("current").GetBoolean());
        Assert.DoesNotContain(key, json.ToString(), StringComparison.Ordinal);
    }

    private static async Task<string?> OrganizationHrnAsync(CliSandbox cli, params string[] extra)
    {
        var result = (await cli.RunAsync(["whoami", "--output", "json", .. extra])).Succeeded();
        return result.Json().GetProperty("organization_hrn").GetString();
    }
}
