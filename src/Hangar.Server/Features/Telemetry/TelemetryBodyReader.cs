using System.Buffers;
using System.Text.Json;
using Hangar.Contracts;
using Hangar.Contracts.Telemetry;

namespace Hangar.Server.Features.Telemetry;

/// <summary>
/// Reads a telemetry batch whole, then parses it in one pass. Parsing while the body streams in made System.Text.Json
/// suspend and resume its converters at every received segment, which was about a third of a loaded node's CPU in the
/// telemetry benchmark; the body is bounded (<c>Telemetry:MaxBodyBytes</c>), so holding it costs at most that, in a
/// pooled buffer. Malformed JSON is a 400 <c>invalid_json</c> saying where, like every other JSON body.
/// </summary>
internal static class TelemetryBodyReader
{
    private const int FirstBufferBytes = 16 * 1024;

    public static async Task<TelemetryBatchRequest?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        // Sized from Content-Length when there is one (at least 1 byte, so doubling always grows), at most one byte past the limit.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(request.ContentLength ?? FirstBufferBytes, 1, limit + 1L));
        try
        {
            var filled = 0;
            while (true)
            {
                if (filled == buffer.Length)
                {
                    buffer = Grow(buffer, limit);
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(filled), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                filled += read;
                if (filled > limit)
                {
                    // Kestrel enforces the same limit while reading; this covers a server where it cannot be set.
                    throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
                }
            }

            return Parse(buffer.AsSpan(0, filled));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static TelemetryBatchRequest? Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, HangarJsonContext.Default.TelemetryBatchRequest);
        }
        catch (JsonException json)
        {
            throw new BadHttpRequestException("The request body is not a valid telemetry batch.", StatusCodes.Status400BadRequest, json);
        }
    }

    private static byte[] Grow(byte[] buffer, int limit)
    {
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(limit + 1L, buffer.Length * 2L));
        buffer.CopyTo(larger, 0);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
