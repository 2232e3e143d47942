using Hangar.Testing;

namespace Hangar.Server.Tests.Hosting;

/// <summary>
/// One server per data directory, with the operating system's file lock (the same flock two processes would meet):
/// a second server refuses to start with a message that says why, and nodes sharing a directory on purpose say so.
/// </summary>
public sealed class DataDirectoryLockTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hangar-lock-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task SecondServerOnTheSameDataDirectory_RefusesToStart_UntilTheFirstHasStopped()
    {
        await using (var first = await StartAsync(lockMode: null))
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(lockMode: null));
            Assert.Contains($"The data directory {_directory} is in use by another Hangar server", refused.Message, StringComparison.Ordinal);
            Assert.Contains("hangar.lock", refused.Message, StringComparison.Ordinal);
        }

        await using var again = await StartAsync(lockMode: null);
    }

    [Fact]
    public async Task NodesSharingTheDirectory_StartTogether_AndAnExclusiveServerIsRefused()
    {
        await using var first = await StartAsync("Shared");
        await using var second = await StartAsync("Shared");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(lockMode: null));
        Assert.Contains("in use by another Hangar server", refused.Message, StringComparison.Ordinal);
    }

    private Task<HangarTestServer> StartAsync(string? lockMode)
    {
        var settings = new Dictionary<string, string?> { ["Server:DataDirectory"] = _directory };
        if (lockMode is not null)
        {
            settings["Server:DataDirectoryLock"] = lockMode;
        }

        return HangarTestServer.StartAsync(DatabaseKind.Sqlite, settings, Cancel);
    }
}
