using System.Text.Json;
using Xunit;

namespace Hangar.Cli.Tests;

/// <summary>products, cohorts and devices, including bulk actions and CSV import.</summary>
public sealed class FleetCommandTests(CliServerFixture fixture) : IClassFixture<CliServerFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hangar-fleet-test-").FullName;

    [Fact]
    public async Task Products_CreateListGetUpdateDelete_RoundTrips()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("products org"));

        var created = (await cli.RunAsync("products", "create", "--name", "gateway", "-o", "json")).Succeeded().Json();
        var id = created.GetProperty("id").GetString()!;
        var listed = (await cli.RunAsync("products", "list", "--search", "name:'gateway'")).Succeeded();
        var archived = (await cli.RunAsync("products", "update", id, "--name", "gateway-v2", "--archived", "true", "-o", "json")).Succeeded().Json();
        var shown = (await cli.RunAsync("products", "get", created.GetProperty("hrn").GetString()!)).Succeeded();
        (await cli.RunAsync("products", "delete", id)).Succeeded();
        var gone = await cli.RunAsync("products", "get", id);

        Assert.False(created.GetProperty("archived").GetBoolean());
        Assert.Contains("gateway", listed.Stdout, StringComparison.Ordinal);
        Assert.True(archived.GetProperty("archived").GetBoolean());
        Assert.Contains("gateway-v2", shown.Stdout, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, gone.ExitCode);
    }

    [Fact]
    public async Task Cohorts_CreateListGetUpdateDelete_RoundTrips()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("cohorts org"));
        (await cli.RunAsync("products", "create", "--name", "sensor")).Succeeded();

        var created = (await cli.RunAsync("cohorts", "create", "--name", "beta", "--product", "sensor", "--description", "early adopters", "-o", "json")).Succeeded().Json();
        var id = created.GetProperty("id").GetString()!;
        var listed = (await cli.RunAsync("cohorts", "list", "--search", "name:'beta'", "-o", "json")).Succeeded().Json();
        var updated = (await cli.RunAsync("cohorts", "update", id, "--name", "stable", "--description", "", "-o", "json")).Succeeded().Json();
        var shown = (await cli.RunAsync("cohorts", "get", id)).Succeeded();
        (await cli.RunAsync("cohorts", "delete", id)).Succeeded();

        Assert.Equal("early adopters", created.GetProperty("description").GetString());
        Assert.Equal(id, Assert.Single(listed.GetProperty("data").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal("stable", updated.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("description").ValueKind);
        Assert.Contains("stable", shown.Stdout, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, (await cli.RunAsync("cohorts", "get", id)).ExitCode);
    }

    [Fact]
    public async Task Devices_CreateSearchByTagUpdateDelete_RoundTrips()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("devices org"));
        (await cli.RunAsync("products", "create", "--name", "gw")).Succeeded();
        (await cli.RunAsync("cohorts", "create", "--name", "prod", "--product", "gw")).Succeeded();

        var created = (await cli.RunAsync("devices", "create", "--identifier", "gw-0001", "--product", "gw", "--cohort", "prod",
            "--tags", "edge,eu", "--target", "aarch64-unknown-linux-gnu", "-o", "json")).Succeeded().Json();
        (await cli.RunAsync("devices", "create", "--identifier", "gw-0002", "--product", "gw", "--tags", "lab")).Succeeded();
        var id = created.GetProperty("id").GetString()!;
        var byTag = (await cli.RunAsync("devices", "list", "--search", "tags:'edge'", "-o", "json")).Succeeded().Json();
        var updated = (await cli.RunAsync("devices", "update", id, "--tags", "edge,us", "--cohort", "", "--quarantined", "true", "-o", "json")).Succeeded().Json();
        var table = (await cli.RunAsync("devices", "get", id)).Succeeded();
        (await cli.RunAsync("devices", "delete", id)).Succeeded();

        Assert.Equal(["edge", "eu"], created.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("gw-0001", Assert.Single(byTag.GetProperty("data").EnumerateArray()).GetProperty("identifier").GetString());
        Assert.Equal(["edge", "us"], updated.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("cohort_id").ValueKind);
        Assert.True(updated.GetProperty("quarantined").GetBoolean());
        Assert.Contains("aarch64-unknown-linux-gnu", table.Stdout, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, (await cli.RunAsync("devices", "get", id)).ExitCode);
    }

    [Fact]
    public async Task DevicesGetUpdate_ShowsTheAnswer_AndNeedsWhatTheDeviceRuns()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("get-update org"));
        (await cli.RunAsync("products", "create", "--name", "gw")).Succeeded();
        var device = (await cli.RunAsync("devices", "create", "--identifier", "gw-0001", "--product", "gw", "-o", "json")).Succeeded().Json();
        var id = device.GetProperty("id").GetString()!;

        var table = (await cli.RunAsync("devices", "get-update", id, "--release-version", "1.0.0")).Succeeded();
        var json = (await cli.RunAsync("devices", "get-update", id, "--release-version", "1.0.0", "-o", "json")).Succeeded().Json();
        var nothing = await cli.RunAsync("devices", "get-update", id);
        var badVersion = await cli.RunAsync("devices", "get-update", id, "--release-version", "one");

        Assert.Contains("no_update", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("no cohort", table.Stdout, StringComparison.Ordinal);
        Assert.Equal("no_update", json.GetProperty("status").GetString());
        Assert.Equal(ExitCodes.ValidationFailed, nothing.ExitCode);
        Assert.Equal(ExitCodes.ValidationFailed, badVersion.ExitCode);
        Assert.Contains("release_version", badVersion.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevicesBulk_AddTagsBySearchThenQuarantineByIds_ChangesTheChosenDevices()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("bulk org"));
        (await cli.RunAsync("products", "create", "--name", "gw")).Succeeded();
        var ids = new List<string>();
        foreach (var identifier in new[] { "bulk-1", "bulk-2", "other-1" })
        {
            var device = (await cli.RunAsync("devices", "create", "--identifier", identifier, "--product", "gw", "-o", "json")).Succeeded().Json();
            ids.Add(device.GetProperty("id").GetString()!);
        }

        var tagged = (await cli.RunAsync("devices", "bulk", "add-tags", "--search", "identifier-'bulk'", "--tags", "wave1", "-o", "json")).Succeeded().Json();
        var quarantined = (await cli.RunAsync("devices", "bulk", "quarantine", "--id", ids[0], "--id", ids[2])).Succeeded();
        var wave1 = (await cli.RunAsync("devices", "list", "--search", "tags:'wave1'", "-o", "json")).Succeeded().Json();
        var inQuarantine = (await cli.RunAsync("devices", "list", "--search", "quarantined:true", "-o", "json")).Succeeded().Json();

        Assert.Equal(2, tagged.GetProperty("matched").GetInt32());
        Assert.Equal(2, tagged.GetProperty("changed").GetInt32());
        Assert.Contains("MATCHED", quarantined.Stdout, StringComparison.Ordinal);
        Assert.Equal(["bulk-1", "bulk-2"], Identifiers(wave1));
        Assert.Equal(["bulk-1", "other-1"], Identifiers(inQuarantine));
    }

    [Fact]
    public async Task DevicesBulk_BothIdsAndSearch_ExitsUsageErrorWithoutChanges()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("bulk usage org"));

        var result = await cli.RunAsync("devices", "bulk", "quarantine", "--id", "01890000-0000-7000-8000-000000000000", "--search", "tags:'x'");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("either --id", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevicesImport_ValidFile_ImportsEveryRow()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("import org"));
        (await cli.RunAsync("products", "create", "--name", "gw")).Succeeded();
        var csv = await WriteCsvAsync("identifier,description,tags,product,cohort,certificates,target\n"
            + "imp-1,first,\"edge,eu\",gw,,,armv7\n"
            + "imp-2,second,,gw,,,\n");

        var result = (await cli.RunAsync("devices", "import", "--csv", csv, "-o", "json")).Succeeded().Json();
        var listed = (await cli.RunAsync("devices", "list", "--search", "identifier-'imp-'", "-o", "json")).Succeeded().Json();

        Assert.Equal(2, result.GetProperty("devices").GetInt32());
        Assert.Equal(0, result.GetProperty("certificates").GetInt32());
        Assert.Equal(["imp-1", "imp-2"], Identifiers(listed));
    }

    [Fact]
    public async Task DevicesImport_BadRows_ExitsValidationFailedNamingRowsAndFieldsInOrder_AndImportsNothing()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("import bad org"));
        (await cli.RunAsync("products", "create", "--name", "gw")).Succeeded();
        var rows = Enumerable.Range(1, 9).Select(i => $"ok-{i},,,gw,,,\n");
        var csv = await WriteCsvAsync("identifier,description,tags,product,cohort,certificates,target\n"
            + "ok-0,,,no-such-product,,,\n"
            + string.Concat(rows)
            + "bad identifier,,,gw,,,\n");

        var result = await cli.RunAsync("devices", "import", "--csv", csv);

        Assert.Equal(ExitCodes.ValidationFailed, result.ExitCode);
        Assert.Empty(result.Stdout);
        var lines = result.Stderr.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        Assert.StartsWith("error: import_failed:", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("  row 2, product: ", lines[1], StringComparison.Ordinal);
        Assert.Contains("no-such-product", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("  row 12, identifier: ", lines[2], StringComparison.Ordinal);
        Assert.Contains(lines, line => line.StartsWith("Nothing was imported", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("request id: ", StringComparison.Ordinal));
        var listed = (await cli.RunAsync("devices", "list", "-o", "json")).Succeeded().Json();
        Assert.Empty(listed.GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task DevicesImport_MissingFile_ExitsUsageError()
    {
        using var cli = fixture.Cli(await fixture.NewOrganizationAsync("import missing org"));

        var result = await cli.RunAsync("devices", "import", "--csv", Path.Combine(_directory, "absent.csv"));

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.StartsWith("error: --csv: the file", result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<string> WriteCsvAsync(string contents)
    {
        var path = Path.Combine(_directory, $"{Guid.CreateVersion7(TimeProvider.System.GetUtcNow())}.csv");
        await File.WriteAllTextAsync(path, contents, TestContext.Current.CancellationToken);
        return path;
    }

    private static List<string?> Identifiers(JsonElement list) =>
        list.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("identifier").GetString()).Order(StringComparer.Ordinal).ToList();
}
