using Xunit;

namespace Hangar.Cli.Tests;

/// <summary><c>fleet summary</c> against a real server: the tables, the JSON answer, the filters and a refused filter.</summary>
public sealed class FleetSummaryCommandTests(CliServerFixture fixture) : IClassFixture<CliServerFixture>
{
    [Fact]
    public async Task Summary_CountsTheOrganizationsDevices_AsTablesAndJson()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("fleet summary org"));
        (await cli.RunAsync("products", "create", "--name", "gw")).Succeeded();
        (await cli.RunAsync("cohorts", "create", "--name", "stable", "--product", "gw")).Succeeded();
        (await cli.RunAsync("devices", "create", "--identifier", "gw-1", "--product", "gw", "--cohort", "stable")).Succeeded();
        (await cli.RunAsync("devices", "create", "--identifier", "gw-2", "--product", "gw", "--quarantined", "true")).Succeeded();

        var table = (await cli.RunAsync("fleet", "summary")).Succeeded();
        var json = (await cli.RunAsync("fleet", "summary", "-o", "json")).Succeeded().Json().GetProperty("devices");
        var cohort = (await cli.RunAsync("fleet", "summary", "--product", "gw", "--cohort", "stable", "--days", "7", "-o", "json")).Succeeded().Json();

        Assert.Contains("NEVER CONNECTED", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("stable", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("(none)", table.Stdout, StringComparison.Ordinal);
        Assert.Equal((2, 0, 2, 1), (json.GetProperty("total").GetInt32(), json.GetProperty("online").GetInt32(),
            json.GetProperty("never_connected").GetInt32(), json.GetProperty("quarantined").GetInt32()));
        Assert.Equal(1, cohort.GetProperty("devices").GetProperty("total").GetInt32());
        Assert.Equal(6, (cohort.GetProperty("adoption").GetProperty("to").GetDateTime() - cohort.GetProperty("adoption").GetProperty("from").GetDateTime()).Days);
    }

    [Theory]
    [InlineData("--product", "no-such-product")]
    [InlineData("--days", "0")]
    public async Task Summary_RefusedFilter_ExitsValidationFailed(string option, string value)
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync($"fleet summary refused {value}"));

        var result = await cli.RunAsync("fleet", "summary", option, value);

        Assert.Equal(ExitCodes.ValidationFailed, result.ExitCode);
        Assert.Contains("validation_failed", result.Stderr, StringComparison.Ordinal);
    }
}
