using System.Collections.Concurrent;
using System.Security.Cryptography;
using Hangar.Agent.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Hangar.Agent.Tests.Downloads;

/// <summary>
/// A real Kestrel on 127.0.0.1:0 serving one generated file, well or badly:
/// <c>/file</c> with Range support and a strong ETag; <c>/cut</c> drops the first connection halfway; <c>/once</c> too, then answers 503;
/// <c>/norange</c> ignores Range and drops its first connection; <c>/stall</c> stops sending halfway on the first
/// request; <c>/wrong</c> serves other bytes of the same length; <c>/changed</c> serves an old file (ETag "old")
/// cut halfway, then the real file under another ETag; <c>/long</c> serves more bytes than the file has.
/// </summary>
public sealed class DownloadServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);

    private DownloadServer(WebApplication app, byte[] content)
    {
        _app = app;
        Content = content;
    }

    public byte[] Content { get; }

    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Content));

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The Range header of every request, in order ("" when absent).</summary>
    public ConcurrentQueue<string> Ranges { get; } = new();

    public static async Task<DownloadServer> StartAsync(int size, CancellationToken cancellationToken)
    {
        var content = new byte[size];
        new Random(size).NextBytes(content);
        var app = LoopbackKestrel.Create();
        var server = new DownloadServer(app, content);
        server.Map();
        await app.StartAsync(cancellationToken);
        server.BaseAddress = LoopbackKestrel.Address(app);
        return server;
    }

    public Uri Url(string path) => new(BaseAddress, path);

    public int Hits(string path) => _hits.GetValueOrDefault(path);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private void Map()
    {
        var etag = new EntityTagHeaderValue($"\"{Sha256}\"");
        _app.Use(async (context, next) =>
        {
            Ranges.Enqueue(context.Request.Headers.Range.ToString());
            _hits.AddOrUpdate(context.Request.Path, 1, (_, count) => count + 1);
            await next(context);
        });
        _app.MapGet("/file", () => Results.File(Content, "application/octet-stream", entityTag: etag, enableRangeProcessing: true));
        _app.MapGet("/cut", async context =>
        {
            if (Hits("/cut") == 1)
            {
                await CutAsync(context, Content, etag);
                return;
            }

            await Results.File(Content, "application/octet-stream", entityTag: etag, enableRangeProcessing: true).ExecuteAsync(context);
        });
        _app.MapGet("/once", async context =>
        {
            if (Hits("/once") == 1)
            {
                await CutAsync(context, Content, etag);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        });
        _app.MapGet("/norange", async context =>
        {
            if (Hits("/norange") == 1)
            {
                await CutAsync(context, Content, etag);
                return;
            }

            context.Response.ContentLength = Content.Length;
            await context.Response.Body.WriteAsync(Content);
        });
        _app.MapGet("/stall", async context =>
        {
            if (Hits("/stall") == 1)
            {
                context.Response.ContentLength = Content.Length;
                context.Response.Headers.ETag = etag.ToString();
                await context.Response.Body.WriteAsync(Content.AsMemory(0, Content.Length / 2));
                await context.Response.Body.FlushAsync();
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
                return;
            }

            await Results.File(Content, "application/octet-stream", entityTag: etag, enableRangeProcessing: true).ExecuteAsync(context);
        });
        _app.MapGet("/wrong", () =>
        {
            var wrong = (byte[])Content.Clone();
            wrong[^1] ^= 0xff;
            return Results.File(wrong, "application/octet-stream", enableRangeProcessing: true);
        });
        _app.MapGet("/changed", async context =>
        {
            if (Hits("/changed") == 1)
            {
                var old = new byte[Content.Length];
                await CutAsync(context, old, new EntityTagHeaderValue("\"old\""));
                return;
            }

            await Results.File(Content, "application/octet-stream", entityTag: new EntityTagHeaderValue("\"new\""), enableRangeProcessing: true)
                .ExecuteAsync(context);
        });
        _app.MapGet("/long", () => Results.File([.. Content, .. new byte[4096]], "application/octet-stream"));
    }

    /// <summary>Announces the whole file, sends half of it, and drops the connection.</summary>
    private static async Task CutAsync(HttpContext context, byte[] content, EntityTagHeaderValue etag)
    {
        context.Response.ContentLength = content.Length;
        context.Response.Headers.ETag = etag.ToString();
        await context.Response.Body.WriteAsync(content.AsMemory(0, content.Length / 2));
        await context.Response.Body.FlushAsync();
        context.Abort();
    }
}
