using System.Text.RegularExpressions;
using Hangar.Client;

namespace Hangar.EndToEnd.Tests.Quickstart;

/// <summary>
/// docs/quickstart.md is this test: every <c>sh quickstart</c> block runs as written, in order, in bash, with the
/// published agent and the CLI on PATH and a server on free ports. The blocks the test provides itself (build,
/// server start, its address and key) are checked to be what it provides. A step that fails fails the test with
/// its line and output; at the end the server must have recorded the guide's promise: the first release committed,
/// the broken one rolled back by the device itself, the next one committed.
/// </summary>
public sealed partial class QuickstartTests : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly string _directory = Directory.CreateTempSubdirectory("hangar-e2e-quickstart-").FullName;
    private RunningProcess? _server;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Quickstart_AsWritten_CommitsRollsBackAndTakesTheNextRelease()
    {
        var blocks = GuideBlock.Parse(await File.ReadAllTextAsync(BuiltPrograms.Quickstart, Cancel));
        Assert.Single(blocks, block => block.Kind == GuideBlock.Build);
        Assert.Single(blocks, block => block.Kind == GuideBlock.Server);
        var provided = new HashSet<string>(StringComparer.Ordinal) { "PATH", "HANGAR_URL", "HANGAR_API_KEY" };
        Assert.Equal(provided, blocks.Where(block => block.Kind == GuideBlock.Environment).SelectMany(block => block.ExportedNames()).ToHashSet());

        var (admin, apiKey) = await StartServerAsync();
        var home = Directory.CreateDirectory(Path.Combine(_directory, "home")).FullName;
        var environment = new Dictionary<string, string?>
        {
            ["HOME"] = home,
            ["PATH"] = $"{ProgramsDirectory()}:{Environment.GetEnvironmentVariable("PATH")}",
            ["HANGAR_URL"] = admin.ToString(),
            ["HANGAR_API_KEY"] = apiKey,
            ["HANGAR_CONFIG_DIR"] = null,
            ["HANGAR_PROFILE"] = null,
            ["HANGAR_AGENT_CONFIG"] = null,
        };
        await using (var shell = new GuideShell(_directory, environment))
        {
            foreach (var block in blocks.Where(block => block.Kind == GuideBlock.Run))
            {
                await shell.RunAsync(block, () => Diagnostics(home), Cancel);
            }
        }

        using var http = HangarClient.CreateHttpClient(admin, apiKey);
        var client = new HangarClient(http);
        var device = Assert.Single((await client.Devices.ListAsync(cancellationToken: Cancel)).Data);
        var versions = (await client.Releases.ListAsync(new ListOptions(Limit: 100), Cancel)).Data.ToDictionary(release => release.Id, release => release.Version);
        var updates = (await client.Devices.ListUpdatesAsync(device.Id.ToString(), new ListOptions(Limit: 100, Order: "asc"), Cancel)).Data;
        Assert.Equal(["2.0.0", "3.0.0", "4.0.0"], updates.Select(update => versions[update.ReleaseId!.Value]));
        Assert.Equal(("committed", "committed"), (updates[0].State, updates[2].State));
        // The broken release was rolled back by the device's health check; it may have been tried again (and stopped
        // when 4.0.0 replaced it) since, so its history is read from the events rather than its last state.
        var changes = await client.Events.ListAsync(
            new ListOptions(Limit: 100, Search: $"type:'update.status_changed' and resource_id:'{device.Id}'"), Cancel);
        Assert.Contains(changes.Data.Select(change => change.Data), data => data.GetProperty("release_id").GetString() == updates[1].ReleaseId.ToString()
            && data.GetProperty("to").GetString() == "rolled_back"
            && data.GetProperty("reason").GetString()!.StartsWith("health check command failed", StringComparison.Ordinal));
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync(CancellationToken.None);
            await _server.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A stopped agent may still be closing its files; the temp directory is cleaned by the OS.
        }
    }

    /// <summary>The guide's server, on free ports and a data directory of the test's own.</summary>
    private async Task<(Uri Admin, string ApiKey)> StartServerAsync()
    {
        _server = RunningProcess.Start(BuiltPrograms.Server,
            ["--data", Path.Combine(_directory, "data"), "--admin-url", "http://127.0.0.1:0", "--device-url", "https://127.0.0.1:0"]);
        var output = await _server.WaitForAsync("Application started", StartTimeout, Cancel);
        return (new Uri(AdminLine().Match(output).Groups[1].Value + "/"), ApiKeyLine().Match(output).Groups[1].Value);
    }

    /// <summary>`hangar` and `hangar-agent` as the guide's build step makes them, from what the build and scripts/publish-agent made.</summary>
    private string ProgramsDirectory()
    {
        var bin = Directory.CreateDirectory(Path.Combine(_directory, "bin")).FullName;
        Write(Path.Combine(bin, "hangar"), $"#!/bin/sh\nexec dotnet '{BuiltPrograms.Cli}' \"$@\"\n");
        Write(Path.Combine(bin, "hangar-agent"), $"#!/bin/sh\nexec '{BuiltPrograms.Agent}' \"$@\"\n");
        return bin;

        static void Write(string path, string script)
        {
            File.WriteAllText(path, script);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }

    /// <summary>What the logs the guide's background programs write say, and the server's output.</summary>
    private string Diagnostics(string home)
    {
        var logs = Directory.EnumerateFiles(home, "*.log", SearchOption.AllDirectories)
            .Select(log => $"--- {Path.GetRelativePath(home, log)}:\n{File.ReadAllText(log)}");
        return string.Join('\n', [.. logs, $"--- server:\n{_server?.Output}"]);
    }

    [GeneratedRegex(@"api key:\s+(hgr_\S+)")]
    private static partial Regex ApiKeyLine();

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex AdminLine();
}
