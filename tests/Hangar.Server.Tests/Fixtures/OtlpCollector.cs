using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hangar.Server.Tests.Fixtures;

/// <summary>
/// A real OTLP/HTTP receiver on 127.0.0.1:0: keeps every export's protobuf body by signal path (<c>/v1/traces</c>,
/// <c>/v1/metrics</c>) and answers 200. Protobuf carries strings as their raw bytes, so a test finds span names and
/// attribute values in a body without decoding it.
/// </summary>
public sealed class OtlpCollector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _exports = new();

    private OtlpCollector(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public static async Task<OtlpCollector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var collector = new OtlpCollector(app);
        app.Run(collector.ReceiveAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        collector.Url = new Uri(app.Urls.First());
        return collector;
    }

    /// <summary>Whether an export to <paramref name="path"/> has arrived whose body holds every one of <paramref name="strings"/>.</summary>
    public bool Received(string path, params string[] strings) =>
        _exports.Any(export => export.Path == path && strings.All(s => Contains(export.Body, Encoding.UTF8.GetBytes(s))));

    /// <summary>What arrived, for a failure message: each export's path and size.</summary>
    public string Summary => string.Join(", ", _exports.Select(export => $"{export.Path} ({export.Body.Length} bytes)"));

    private async Task ReceiveAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        _exports.Enqueue((context.Request.Path.Value ?? "", body.ToArray()));
        context.Response.ContentType = "application/x-protobuf";
    }

    private static bool Contains(byte[] body, byte[] value) => body.AsSpan().IndexOf(value) >= 0;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
