using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Hangar.Contracts.Firmware;
using Hangar.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.EndToEnd.Tests;

/// <summary>
/// The `hangar` CLI process is killed (SIGKILL) in the middle of a multipart upload and run again with the same
/// command: the second run finds the binary, sends only the parts the server does not have, and the binary ends
/// verified and signed with the file's SHA-256.
/// </summary>
public abstract partial class KilledUploadTests(DatabaseKind database) : IDisposable
{
    private const int PartSize = 5 * 1024 * 1024;
    private const int Parts = 4;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly string _directory = Directory.CreateTempSubdirectory("hangar-e2e-kill-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BinariesCreate_KilledAfterAPartWasAccepted_RerunSendsOnlyTheMissingPartsAndSigns()
    {
        var gate = new PartUploadGate();
        await using var server = await HangarTestServer.StartAsync(database, new Dictionary<string, string?>
        {
            ["RateLimits:PerAddressPerMinute"] = "1000000",
            ["RateLimits:PerApiKeyPerMinute"] = "1000000",
        }, services => services.AddSingleton<IStartupFilter>(gate), Cancel);
        var client = server.CreateClient(server.Bootstrap!.ApiKey);
        var artifact = await client.Artifacts.CreateAsync(new CreateArtifactRequest("rootfs"), cancellationToken: Cancel);
        var version = await client.ArtifactVersions.CreateAsync(new CreateArtifactVersionRequest(artifact.Id.ToString(), "1.0.0"), cancellationToken: Cancel);
        var file = Path.Combine(_directory, "rootfs.img");
        var content = RandomNumberGenerator.GetBytes((Parts - 1) * PartSize + 1024 * 1024);
        await File.WriteAllBytesAsync(file, content, Cancel);
        var environment = new Dictionary<string, string?>
        {
            ["HANGAR_URL"] = server.AdminBaseAddress.ToString(),
            ["HANGAR_API_KEY"] = server.Bootstrap.ApiKey,
            ["HANGAR_CONFIG_DIR"] = Path.Combine(_directory, "cli"),
        };
        await using (var key = RunningProcess.Start(BuiltPrograms.Cli, ["signing-keys", "create", "--name", "release", "--generate", "--out", Path.Combine(_directory, "keys")], environment))
        {
            Assert.Equal(0, await key.WaitForExitAsync(Cancel));
        }

        string[] create = ["binaries", "create", "--artifact-version", version.Id.ToString(), "--target", "aarch64-unknown-linux-gnu",
            "--file", file, "--part-size", PartSize.ToString(System.Globalization.CultureInfo.InvariantCulture), "--sign", "release"];
        await using (var first = RunningProcess.Start(BuiltPrograms.Cli, create, environment))
        {
            var binary = await WaitForAcceptedPartAsync(client, version.Id, first);
            await first.KillAsync(Cancel);
            Assert.NotEqual(0, first.ExitCode);
            Assert.Equal("uploadable", (await client.Binaries.GetAsync(binary.ToString(), Cancel)).State);
        }

        // The held requests of the dead client finish now, each stored whole or not at all.
        gate.Open();
        await WaitUntilAsync(() => gate.InFlight == 0, "the killed client's part uploads to end");
        var binaryId = (await client.Binaries.ListAsync(cancellationToken: Cancel)).Data.Single().Id.ToString();
        var before = (await client.Binaries.ListPartsAsync(binaryId, Cancel)).Data.Select(p => p.Index).ToHashSet();

        await using var second = RunningProcess.Start(BuiltPrograms.Cli, create, environment);
        Assert.True(await second.WaitForExitAsync(Cancel) == 0, second.Output);

        var signed = await client.Binaries.GetAsync(binaryId, Cancel);
        Assert.Equal("signed", signed.State);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), signed.Sha256);
        Assert.Contains($"{before.Count} of {Parts} parts {(before.Count == 1 ? "is" : "are")} already on the server", second.Output, StringComparison.Ordinal);
        var resent = SentParts().Match(second.Output);
        Assert.Equal(Parts - before.Count, int.Parse(resent.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(content.Length - before.Sum(index => (long)Math.Min(PartSize, content.Length - (index - 1L) * PartSize)),
            long.Parse(resent.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        // No part the server had accepted was sent again: every index was accepted exactly once over both runs.
        Assert.Equal(Enumerable.Range(1, Parts).Select(index => (index, 1)), gate.Accepted.OrderBy(a => a.Key).Select(a => (a.Key, a.Value)));
    }

    public void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Polls the parts API until the CLI's binary has a part; returns the binary's id.</summary>
    private static async Task<Guid> WaitForAcceptedPartAsync(Client.HangarClient client, Guid versionId, RunningProcess cli)
    {
        Guid? binary = null;
        await WaitUntilAsync(async () =>
        {
            Assert.False(cli.HasExited, cli.Output);
            binary ??= (await client.Binaries.ListAsync(new Client.ListOptions(Search: $"artifact_version_id:'{versionId}'"), Cancel)).Data.SingleOrDefault()?.Id;
            return binary is not null && (await client.Binaries.ListPartsAsync(binary.Value.ToString(), Cancel)).Data.Count > 0;
        }, "a part to be accepted");
        return binary!.Value;
    }

    private static Task WaitUntilAsync(Func<bool> condition, string what) => WaitUntilAsync(() => Task.FromResult(condition()), what);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = TimeProvider.System.GetTimestamp();
        while (!await condition())
        {
            if (TimeProvider.System.GetElapsedTime(deadline) > Timeout)
            {
                Assert.Fail($"gave up waiting for {what}");
            }

            await Task.Delay(20, Cancel);
        }
    }

    [GeneratedRegex(@"sent (\d+) bytes in (\d+) parts")]
    private static partial Regex SentParts();

    public sealed class OnSqlite() : KilledUploadTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : KilledUploadTests(DatabaseKind.Postgres);
}
