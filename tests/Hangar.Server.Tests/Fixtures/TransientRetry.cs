using System.Net;

namespace Hangar.Server.Tests.Fixtures;

/// <summary>
/// Sends a device request again after a 503, as the agent does: 503 is the documented answer to transient trouble (a
/// database that timed out on a loaded machine, <c>database_unavailable</c> with Retry-After), not a result. For
/// helpers whose tests are about something else; a test of the 503 itself sends once.
/// </summary>
internal static class TransientRetry
{
    private const int Attempts = 5;

    /// <summary>The first answer that is not a 503, or the fifth 503.</summary>
    public static async Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await send();
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == Attempts)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), cancellationToken);
        }
    }
}
