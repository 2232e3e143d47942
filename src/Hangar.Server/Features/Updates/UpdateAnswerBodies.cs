using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Updates;

/// <summary>
/// Serialized native update answers by entity tag. Offers do not depend on which device asks (the signed URLs name
/// the binary and a rounded expiry, not the device), so a fleet checking against the same release shares one body:
/// most checks skip building, signing and serializing the answer.
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
