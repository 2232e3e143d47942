using Hangar.Agent.Downloads;
using Hangar.Agent.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Hangar.Agent.Tests.Downloads;

/// <summary>
/// Against a real Kestrel. Backoffs are short real times and no assertion is about time; the stall test moves a fake
/// clock (a real short stall timeout would also fire on a busy machine whenever the server is merely slow).
/// </summary>
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
        // The stall timeout runs on a fake clock moved only once the first half is in the cache: on a real clock a short
        // timeout also fires on a busy machine before the first byte arrives, and then there is nothing to resume from.
        var clock = new FakeTimeProvider();
        var halfIn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnProgress(long offset)
        {
            if (offset >= Size / 2)
            {
                halfIn.TrySetResult();
            }
        }

        var request = Request("/stall") with { OnProgress = OnProgress };
        var download = Downloader(stall: TimeSpan.FromSeconds(30), time: clock).DownloadAsync(request, TestContext.Current.CancellationToken);

        await halfIn.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromSeconds(30));
        // Only a failure waits this long: the resumed request finishes at once; without a stall timeout the download never does.
        var result = await download.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.Equal(_server.Content, await File.ReadAllBytesAsync(result.Path, TestContext.Current.CancellationToken));
        Assert.Equal(2, _server.Hits("/stall"));
        Assert.Equal($"bytes={Size / 2}-", _server.Ranges.Last());
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

    /// <param name="time">A fake clock also runs the backoff between attempts, so it is zero then: no wait depends on moving that clock.</param>
    private ResumableDownloader Downloader(int maxAttempts = 5, TimeSpan? stall = null, long reserve = 0, TimeProvider? time = null) => new(
        _http,
        _cache.Path,
        time is null
            ? new DownloadOptions(maxAttempts, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50), stall ?? TimeSpan.FromSeconds(30), reserve)
            : new DownloadOptions(maxAttempts, TimeSpan.Zero, TimeSpan.Zero, stall ?? TimeSpan.FromSeconds(30), reserve),
        time ?? TimeProvider.System,
        NullLogger.Instance,
        new Random(1));

    private static long ResumedFrom(string range) =>
        range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-') ? long.Parse(range[6..^1], System.Globalization.CultureInfo.InvariantCulture) : -1;
}
