using System.Security.Cryptography;
using System.Text;
using Hangar.Server.Hosting.Authentication;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Hosting.Observability;

/// <summary>
/// The configured scrape token, kept only as its SHA-256: comparing fixed-length digests in constant time says
/// nothing about the token through timing, whatever length was presented.
/// </summary>
internal sealed class ScrapeToken(IOptions<ObservabilityOptions> options)
{
    private readonly byte[]? _digest = options.Value.ScrapeToken is { Length: > 0 } token ? Digest(token) : null;

    public bool Matches(HttpRequest request) =>
        _digest is not null && BearerCredential.Read(request) is { } presented
        && CryptographicOperations.FixedTimeEquals(Digest(presented), _digest);

    private static byte[] Digest(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
