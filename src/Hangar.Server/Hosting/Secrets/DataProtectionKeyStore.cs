using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Hosting.Secrets;

/// <summary>Puts the data-protection keys in the database (<see cref="DatabaseXmlRepository"/>).</summary>
internal sealed class DataProtectionKeyStore(ServerSecrets secrets, IOptions<ServerOptions> server, ILogger<DatabaseXmlRepository> logger)
    : IConfigureOptions<KeyManagementOptions>
{
    public void Configure(KeyManagementOptions options)
    {
        options.XmlRepository = new DatabaseXmlRepository(secrets, server.Value.DataPath("keys"), logger);
        // The repository seals every key with the key-encryption key itself (ServerSecrets), so the framework's own
        // XML encryption (DPAPI or a certificate) would add nothing; saying so keeps it from warning for each key.
        options.XmlEncryptor = new NullXmlEncryptor();
    }
}
