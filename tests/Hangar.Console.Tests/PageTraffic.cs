using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Hangar.Console.Tests;

/// <summary>
/// Every request a page makes, kept while it is pending and remembered when it failed or was refused, so a page that
/// does not start can say what it was waiting for (a framework file never answered, a 429, a 404).
/// </summary>
internal sealed class PageTraffic
{
    private readonly ConcurrentDictionary<IRequest, DateTimeOffset> _pending = new();
    private readonly ConcurrentQueue<string> _refused = new();

    public PageTraffic(IPage page)
    {
        page.Request += (_, request) => _pending[request] = TimeProvider.System.GetUtcNow();
        page.RequestFinished += (_, request) => _pending.TryRemove(request, out var _);
        page.RequestFailed += (_, request) =>
        {
            _pending.TryRemove(request, out var _);
            _refused.Enqueue($"{request.Method} {request.Url}: failed ({request.Failure})");
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                _refused.Enqueue($"{response.Request.Method} {response.Url}: {response.Status}");
            }
        };
    }

    /// <summary>What was still unanswered and what failed, one line each, for a failure message.</summary>
    public string Describe()
    {
        var now = TimeProvider.System.GetUtcNow();
        var pending = _pending.Select(entry => $"  pending {(now - entry.Value).TotalSeconds:F0} s: {entry.Key.Method} {entry.Key.Url}").ToList();
        var refused = _refused.Select(line => $"  {line}").ToList();
        return $"pending requests ({pending.Count}):\n{string.Join('\n', pending)}\nfailed or refused requests ({refused.Count}):\n{string.Join('\n', refused)}";
    }
}
