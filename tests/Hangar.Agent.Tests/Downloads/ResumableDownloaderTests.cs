using Hangar.Agent.Downloads;
using Hangar.Agent.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hangar.Agent.Tests.Downloads;

/// <summary>Against a real Kestrel. Backoffs and the stall timeout are short real times; no assertion is about time.</summary>
public sealed class ResumableDownloaderTests : IAsyncLifetime
{
    private const int Size = 1024 * 1024 + 17;
    private readonly TempDirectory _cache = new();
    private readonly HttpClient _http = new(new SocketsHttpHandler());
    private DownloadServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await DownloadServer.StartAsync(Size, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
        _cache.Dispose();
    }

    [Fact]
    public async Task Download_WholeFile_VerifiesAndMovesItToComplete()
    {
        var result = await Downloader().DownloadAsync(Request("/file"), TestContext.Current.CancellationToken);

        Assert.Equal(_server.Content, await File.ReadAllBytesAsync(result.Path, TestContext.Current.CancellationToken));
        Assert.Equal(Size, result.BytesFetched);
        Assert.Empty(Directory.GetFiles(_cache.Combine("partial")));
    }

    [Fact]
    public async Task Download_AlreadyComplete_FetchesNothing()
    {
        await Downloader().DownloadAsync(Request("/file"), TestContext.Current.CancellationToken);

        var again = await Downloader().DownloadAsync(Request("/file"), TestContext.Current.CancellationToken);

        Assert.Equal(0, again.BytesFetched);
        Assert.Equal(1, _server.Hits("/file"));
    }

    [Fact]
    public async Task Download_ConnectionCutMidFile_ResumesWithRangeAndIfRange()
    {
        var result = await Downloader().DownloadAsync(Request("/cut"), TestContext.Current.CancellationToken);

        Assert.Equal(_server.Content, await File.ReadAllBytesAsync(result.Path, TestContext.Current.CancellationToken));
        Assert.Equal(2, _server.Ranges.Count);
        Assert.Equal("", _server.Ranges.First());
        Assert.InRange(ResumedFrom(_server.Ranges.Last()), 1, Size - 1);
        Assert.Equal(Size, result.BytesFetched);
    }

    [Fact]
    public async Task Download_AfterProcessRestart_ResumesFromThePersistedPartial()
    {
        var first = Downloader(maxAttempts: 1);
        var failure = await Assert.ThrowsAsync<DownloadException>(() => first.DownloadAsync(Request("/once"), TestContext.Current.CancellationToken));
        Assert.Equal(DownloadFailure.RetriesExhausted, failure.Failure);
        var kept = new FileInfo(_cache.Combine("partial", "bin-1")).Length;
        Assert.InRange(kept, 1, Size - 1);

        // A new downloader, as after a restart: only the files on disk carry over.
        var result = await Downloader().DownloadAsync(Request("/file"), TestContext.Current.CancellationToken);

        Assert.Equal(_server.Content, await File.ReadAllBytesAsync(result.Path, TestContext.Current.CancellationToken));
        Assert.Equal(Size - kept, result.BytesFetched);
        Assert.Equal($"bytes={kept}-", _server.Ranges.Last());
    }

    [Fact]
    public async Task Download_ServerIgnoresRange_StartsOverFromTheFullResponse()
    {
        var result = await Downloader().DownloadAsync(Request("/norange"), TestContext.Current.CancellationToken);

        Assert.Equal(_server.Content, await File.ReadAllBytesAsync(result.Path, TestContext.Current.CancellationToken));
        Assert.Equal(2, _server.Hits("/norange"));
        Assert.InRange(ResumedFrom(_server.Ranges.Last()), 1, Size - 1);
    }

    [Fact]
    public async Task Download_FileChangedBetweenAttempts_IfRangeGetsTheWholeNewFile()
    {
        var result = await Downloader().DownloadAsync(Request("/changed"), TestContext.Current.CancellationToken);

        Assert.Equal(_server.Content, await File.ReadAllBytesAsync(result.Path, TestContext.Current.CancellationToken));
        Assert.InRange(result.BytesFetched, Size + 1, (2 * Size) - 1);
        Assert.Equal(2, _server.Hits("/changed"));
    }

    [Fact]
    public async Task Download_ServerStalls_GivesUpOnTheConnectionAndResumes()
    {
        var result = await Downloader(stall: TimeSpan.FromMilliseconds(300)).DownloadAsync(Request("/stall"), TestContext.Current.CancellationToken);

        Assert.Equal(_server.Content, await File.ReadAllBytesAsync(result.Path, TestContext.Current.CancellationToken));
        Assert.InRange(ResumedFrom(_server.Ranges.Last()), 1, Size - 1);
    }

    [Fact]
    public async Task Download_WrongBytes_FailsAsCorruptAndDeletesThePartial()
    {
        var failure = await Assert.ThrowsAsync<DownloadException>(() => Downloader().DownloadAsync(Request("/wrong"), TestContext.Current.CancellationToken));

        Assert.Equal(DownloadFailure.Corrupt, failure.Failure);
        Assert.Empty(Directory.GetFiles(_cache.Combine("partial")));
        Assert.Empty(Directory.GetFiles(_cache.Combine("complete")));
    }

    [Fact]
    public async Task Download_ServerSendsMoreThanDeclared_StopsAtTheDeclaredSize()
    {
        var result = await Downloader().DownloadAsync(Request("/long"), TestContext.Current.CancellationToken);

        Assert.Equal(Size, new FileInfo(result.Path).Length);
        Assert.Equal(Size, result.BytesFetched);
    }

    [Fact]
    public async Task Download_NotEnoughFreeSpace_FailsBeforeAnyRequest()
    {
        var failure = await Assert.ThrowsAsync<DownloadException>(() =>
            Downloader(reserve: long.MaxValue / 4).DownloadAsync(Request("/file"), TestContext.Current.CancellationToken));

        Assert.Equal(DownloadFailure.InsufficientSpace, failure.Failure);
        Assert.Empty(_server.Ranges);
    }

    [Fact]
    public async Task Download_NotFound_IsRejectedWithoutRetrying()
    {
        var failure = await Assert.ThrowsAsync<DownloadException>(() => Downloader().DownloadAsync(Request("/missing"), TestContext.Current.CancellationToken));

        Assert.Equal(DownloadFailure.Rejected, failure.Failure);
        Assert.Single(_server.Ranges);
    }

    [Fact]
    public async Task Download_ServerDown_StopsAfterMaxAttempts()
    {
        var address = _server.BaseAddress;
        await _server.DisposeAsync();

        var failure = await Assert.ThrowsAsync<DownloadException>(() =>
            Downloader(maxAttempts: 3).DownloadAsync(new DownloadRequest("bin-1", new Uri(address, "/file"), Size, new string('0', 64)),
                TestContext.Current.CancellationToken));

        Assert.Equal(DownloadFailure.RetriesExhausted, failure.Failure);
        Assert.Contains("3 times", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Delay_GrowsExponentiallyWithinTheCapAndKeepsHalfFixed()
    {
        var random = new Random(7);
        var initial = TimeSpan.FromSeconds(2);
        var max = TimeSpan.FromSeconds(60);

        var delays = Enumerable.Range(1, 10).Select(failures => RetryBackoff.Delay(failures, initial, max, random)).ToList();

        Assert.InRange(delays[0], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.InRange(delays[3], TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(16));
        Assert.All(delays[6..], delay => Assert.InRange(delay, TimeSpan.FromSeconds(30), max));
    }

    private DownloadRequest Request(string path) => new("bin-1", _server.Url(path), Size, _server.Sha256);

    private ResumableDownloader Downloader(int maxAttempts = 5, TimeSpan? stall = null, long reserve = 0) => new(
        _http,
        _cache.Path,
        new DownloadOptions(maxAttempts, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50), stall ?? TimeSpan.FromSeconds(30), reserve),
        TimeProvider.System,
        NullLogger.Instance,
        new Random(1));

    private static long ResumedFrom(string range) =>
        range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-') ? long.Parse(range[6..^1], System.Globalization.CultureInfo.InvariantCulture) : -1;
}
