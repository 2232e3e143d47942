using System.Text.Json.Nodes;
using Hangar.Agent.Configuration;
using Hangar.Agent.Installers;
using Hangar.Agent.Processes;
using Hangar.Agent.Tests.Support;

namespace Hangar.Agent.Tests.Installers;

public sealed class InstallerTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ProcessRunner _runner = new(TimeProvider.System);
    private readonly string _file;

    public InstallerTests()
    {
        _file = _directory.Combine("download.bin");
        File.WriteAllText(_file, "new content");
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task File_Install_WritesTheVersionedFileAndPointsTheLinkAtIt()
    {
        var root = _directory.Combine("opt");
        var installer = new FileInstaller(new FileInstallerConfig { Roots = [root] });
        var app = Path.Combine(root, "app");

        var outcome = await installer.InstallAsync(Request("bin-1", new JsonObject { ["directory"] = app, ["name"] = "current" }),
            TestContext.Current.CancellationToken);
        File.WriteAllText(_file, "newer content");
        var second = await installer.InstallAsync(Request("bin-2", new JsonObject { ["directory"] = app, ["name"] = "current" }),
            TestContext.Current.CancellationToken);

        Assert.True(outcome.Succeeded && second.Succeeded, outcome.Detail + second.Detail);
        Assert.False(outcome.RebootRequired);
        Assert.Equal("bin-2", new FileInfo(Path.Combine(app, "current")).LinkTarget);
        Assert.Equal("newer content", File.ReadAllText(Path.Combine(app, "current")));
        Assert.Equal("new content", File.ReadAllText(Path.Combine(app, "bin-1")));
        Assert.DoesNotContain(Directory.GetFiles(app), path => path.EndsWith(".tmp", StringComparison.Ordinal) || path.EndsWith("-tmp", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("../escape", "current")]
    [InlineData("app", "../current")]
    [InlineData("app", "")]
    public async Task File_DirectoryOutsideRootsOrBadName_InstallsNothing(string directory, string name)
    {
        var root = _directory.Combine("opt");
        var installer = new FileInstaller(new FileInstallerConfig { Roots = [root] });

        var outcome = await installer.InstallAsync(Request("bin-1", new JsonObject { ["directory"] = Path.Combine(root, directory), ["name"] = name }),
            TestContext.Current.CancellationToken);

        Assert.False(outcome.Succeeded);
        Assert.False(Directory.Exists(_directory.Combine("escape")));
        Assert.False(File.Exists(Path.Combine(root, "current")));
    }

    [Fact]
    public async Task Command_NamedCommand_RunsWithTheFileAndItsExitCodeDecides()
    {
        var record = _directory.Combine("record");
        var ok = Scripts.Recording(_directory.Combine("apply"), record);
        var failing = Scripts.Recording(_directory.Combine("refuse"), record, exitCode: 3);
        var installer = new CommandInstaller(new CommandInstallerConfig
        {
            Commands = new Dictionary<string, IReadOnlyList<string>> { ["apply"] = [ok, "--from", "{file}"], ["refuse"] = [failing, "{file}"] },
        }, _runner);

        var applied = await installer.InstallAsync(Request("bin-1", new JsonObject { ["command"] = "apply" }), TestContext.Current.CancellationToken);
        var refused = await installer.InstallAsync(Request("bin-1", new JsonObject { ["command"] = "refuse" }), TestContext.Current.CancellationToken);
        var unknown = await installer.InstallAsync(Request("bin-1", new JsonObject { ["command"] = "rm" }), TestContext.Current.CancellationToken);

        Assert.True(applied.Succeeded, applied.Detail);
        Assert.False(refused.Succeeded);
        Assert.Contains("exit code 3", refused.Detail, StringComparison.Ordinal);
        Assert.False(unknown.Succeeded);
        Assert.Equal([$"--from {_file}", _file], File.ReadAllLines(record));
    }

    // swupdate, rauc, fwup and dpkg cannot change this machine, so each runs as a recording stand-in script that
    // stores the arguments the installer gave it.
    [Fact]
    public async Task Swupdate_RecordingStandIn_GetsExtraArgsThenDashIFile()
    {
        var arguments = await RunStandInAsync(runner => ToolInstaller.Swupdate(
            new ToolInstallerConfig { Executable = runner, ExtraArgs = ["-k", "/etc/swupdate.pem", "-H", "board:1.0"] }, _runner));

        Assert.Equal($"-k /etc/swupdate.pem -H board:1.0 -i {_file}", arguments);
    }

    [Fact]
    public async Task Rauc_RecordingStandIn_GetsInstallFile()
    {
        Assert.Equal($"install {_file}", await RunStandInAsync(runner => ToolInstaller.Rauc(new ToolInstallerConfig { Executable = runner }, _runner)));
    }

    [Fact]
    public async Task Fwup_RecordingStandIn_GetsDeviceTaskAndFile()
    {
        var arguments = await RunStandInAsync(runner => ToolInstaller.Fwup(new FwupInstallerConfig { Executable = runner, DevicePath = "/dev/sdz" }, _runner));

        Assert.Equal($"-a -d /dev/sdz -t upgrade -i {_file}", arguments);
    }

    [Fact]
    public async Task Deb_RecordingStandIn_GetsDashIFileAndNeedsNoReboot()
    {
        var record = _directory.Combine("record");
        var installer = ToolInstaller.Deb(new ToolInstallerConfig { Executable = Scripts.Recording(_directory.Combine("dpkg"), record) }, _runner);

        var outcome = await installer.InstallAsync(Request("bin-1", []), TestContext.Current.CancellationToken);

        Assert.True(outcome.Succeeded);
        Assert.False(outcome.RebootRequired);
        Assert.Equal($"-i {_file}", File.ReadAllText(record).Trim());
    }

    [Fact]
    public async Task Tool_StandInFails_ReportsTheExitCodeAndLastOutputLine()
    {
        var installer = ToolInstaller.Rauc(new ToolInstallerConfig { Executable = Scripts.Recording(_directory.Combine("rauc"), _directory.Combine("r"), 1) }, _runner);

        var outcome = await installer.InstallAsync(Request("bin-1", []), TestContext.Current.CancellationToken);

        Assert.False(outcome.Succeeded);
        Assert.Equal("rauc: exit code 1: standing in for a real tool", outcome.Detail);
    }

    [Fact]
    public async Task Tool_MissingExecutable_FailsWithoutThrowing()
    {
        var installer = ToolInstaller.Rauc(new ToolInstallerConfig { Executable = _directory.Combine("no-such-rauc") }, _runner);

        var outcome = await installer.InstallAsync(Request("bin-1", []), TestContext.Current.CancellationToken);

        Assert.False(outcome.Succeeded);
        Assert.Contains("cannot start", outcome.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"hangar": {"installer": "opkg"}}""")]
    [InlineData("""{"hangar": {"installer": "swupdate"}}""")]
    public void Selector_UnknownOrNotConfiguredInstaller_SelectsNothing(string metadata)
    {
        var selector = new InstallerSelector(new InstallersConfig { File = new FileInstallerConfig { Roots = ["/opt"] } }, _runner, null);
        Assert.True(InstallerMetadata.TryRead(JsonNode.Parse(metadata)!.AsObject(), out var read, out _));

        Assert.False(selector.TrySelect(read, out _, out var error));
        Assert.Contains("enabled: file", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"hangar": {"installer": 5}}""")]
    [InlineData("""{"hangar": {"installer": "file", "options": []}}""")]
    [InlineData("""{"hangar": {"installer": "file", "reboot_required": "yes"}}""")]
    public void Metadata_Malformed_IsRefusedWithAReason(string metadata)
    {
        Assert.False(InstallerMetadata.TryRead(JsonNode.Parse(metadata)!.AsObject(), out _, out var error));
        Assert.StartsWith(metadata == "{}" ? "custom metadata" : "hangar.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_Complete_IsRead()
    {
        var metadata = JsonNode.Parse("""{"hangar": {"installer": "file", "options": {"name": "x"}, "reboot_required": true}}""")!.AsObject();

        Assert.True(InstallerMetadata.TryRead(metadata, out var read, out _));

        Assert.Equal(("file", true, "x"), (read.Installer, read.RebootRequired, read.Options["name"]!.GetValue<string>()));
    }

    [Fact]
    public void MetadataDigest_KeyOrderAndWhitespace_DoNotMatterButValuesDo()
    {
        var a = MetadataDigest.Compute(JsonNode.Parse("""{"b": 1, "a": {"y": [1, 2], "x": "s"}}"""));
        var b = MetadataDigest.Compute(JsonNode.Parse("""{ "a": { "x": "s", "y": [1,2] }, "b": 1 }"""));
        var c = MetadataDigest.Compute(JsonNode.Parse("""{"a": {"x": "s", "y": [2, 1]}, "b": 1}"""));

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal(64, a.Length);
    }

    private async Task<string> RunStandInAsync(Func<string, IInstaller> create)
    {
        var record = _directory.Combine("record");
        var installer = create(Scripts.Recording(_directory.Combine("tool"), record));

        var outcome = await installer.InstallAsync(Request("bin-1", []), TestContext.Current.CancellationToken);

        Assert.True(outcome.Succeeded, outcome.Detail);
        Assert.True(outcome.RebootRequired);
        return File.ReadAllText(record).Trim();
    }

    private InstallRequest Request(string binaryId, JsonObject options) => new(binaryId, _file, options);
}
