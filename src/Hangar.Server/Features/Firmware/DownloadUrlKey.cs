using System.Security.Cryptography;
using Hangar.Server.Hosting;
using Hangar.Server.Hosting.Secrets;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Firmware;

/// <summary>
/// The HMAC key of download URLs, shared by every node through the database, so a URL one node signed is accepted by
/// any other and a restart invalidates none. An older version's <c>&lt;data&gt;/keys/download-urls.key</c> is imported
/// on first use, so URLs handed out before an upgrade keep working.
/// </summary>
internal sealed class DownloadUrlKey(ServerSecrets secrets, IOptions<ServerOptions> server, ILogger<DownloadUrlKey> logger)
{
    public const string SecretName = "download-urls";

    private readonly Lazy<byte[]> _bytes = new(() => secrets.GetOrAdd(SecretName, () =>
    {
        var legacy = server.Value.DataPath("keys", "download-urls.key");
        if (!File.Exists(legacy))
        {
            return RandomNumberGenerator.GetBytes(32);
        }

        logger.LogInformation("Imported the download-URL key from {Path} into the database; the file is no longer used", legacy);
        return File.ReadAllBytes(legacy);
    }));

    public byte[] Bytes => _bytes.Value;
}
