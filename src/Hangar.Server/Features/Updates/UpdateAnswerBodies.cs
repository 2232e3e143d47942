using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Updates;

/// <summary>
/// Serialized update answers by entity tag. The tag covers everything the body is made of, the asking device included
/// (its download URLs are bound to it), so a device checking again within one URL expiry step gets its body from
/// here: repeated checks skip building, signing and serializing the answer.
/// </summary>
internal sealed class UpdateAnswerBodies(IOptions<JsonOptions> json)
{
    private const int MaxAnswers = 10_000;
    private readonly ConcurrentDictionary<string, byte[]> _bodies = new(StringComparer.Ordinal);

    public byte[] BodyOf(UpdateOffer offer, string etag)
    {
        if (_bodies.TryGetValue(etag, out var body))
        {
            return body;
        }

        body = JsonSerializer.SerializeToUtf8Bytes(NativeUpdateAnswers.Response(offer), json.Value.SerializerOptions);
        if (_bodies.Count >= MaxAnswers)
        {
            // Tags roll over with the URL expiry step, so old answers are never asked for again: start afresh.
            _bodies.Clear();
        }

        _bodies[etag] = body;
        return body;
    }
}
