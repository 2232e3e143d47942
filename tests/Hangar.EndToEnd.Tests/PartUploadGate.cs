using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Hangar.EndToEnd.Tests;

/// <summary>
/// Middleware in front of the server that holds uploads of parts after the first until the test opens it: a slow
/// network, so that a killed client is reliably killed mid-upload instead of after a loopback upload that finished in
/// milliseconds. It also counts the part uploads the server accepted, per index.
/// </summary>
internal sealed partial class PartUploadGate : IStartupFilter
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<int, int> _accepted = new();
    private int _inFlight;

    /// <summary>Parts the server answered 200 to, by index, over the whole test.</summary>
    public IReadOnlyDictionary<int, int> Accepted => _accepted;

    /// <summary>Part uploads still being served (held at the gate or streaming).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    public void Open() => _open.TrySetResult();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, pipeline) =>
        {
            var match = context.Request.Method == HttpMethods.Put ? PartPath().Match(context.Request.Path.Value ?? "") : Match.Empty;
            if (!match.Success)
            {
                await pipeline();
                return;
            }

            var index = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Interlocked.Increment(ref _inFlight);
            try
            {
                if (index > 1)
                {
                    await _open.Task;
                }

                await pipeline();
                if (context.Response.StatusCode == StatusCodes.Status200OK)
                {
                    _accepted.AddOrUpdate(index, 1, (_, count) => count + 1);
                }
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        });
        next(app);
    };

    [GeneratedRegex(@"^/api/v1/binaries/[^/]+/parts/(\d+)$")]
    private static partial Regex PartPath();
}
