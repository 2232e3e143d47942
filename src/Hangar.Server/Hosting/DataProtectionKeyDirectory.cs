using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Hosting;

/// <summary>
/// Where the data-protection keys live (keys/ in the data directory, so the nodes of one installation share them
/// through a shared data directory) and how they are protected at rest: by an owner-only directory.
/// </summary>
internal sealed class DataProtectionKeyDirectory(IOptions<ServerOptions> server, ILogger<DataProtectionKeyDirectory> logger)
    : IConfigureOptions<KeyManagementOptions>
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public void Configure(KeyManagementOptions options)
    {
        var directory = server.Value.DataPath("keys");
        Directory.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows())
        {
            // Also for a directory an older version created with the default mode.
            File.SetUnixFileMode(directory, OwnerOnly);
        }

        options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(directory), NullLoggerFactory.Instance);
        // Encrypting the keys needs a key kept somewhere else (a server on Linux has no DPAPI or key store); one kept
        // beside them would protect nothing. So they are stored as they are, and this says so once instead of the
        // framework's warning for every key it creates.
        options.XmlEncryptor = new NullXmlEncryptor();
        logger.LogInformation(
            "Data-protection keys in {Directory} are stored unencrypted, readable by this user only (like the TLS keys): protect the data directory's disk and backups",
            directory);
    }
}
