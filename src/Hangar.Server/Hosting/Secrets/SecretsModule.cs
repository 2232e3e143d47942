using Hangar.Server.Hosting.Tls;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Hosting.Secrets;

internal static class SecretsModule
{
    /// <summary>
    /// Key material in the database (sealed), shared by every node: data-protection keys, the server CA and
    /// certificate. After <c>AddHangarDatabase</c>: the key ring is read at start by a hosted service, which must
    /// start after the database is migrated.
    /// </summary>
    public static IServiceCollection AddServerSecrets(this IServiceCollection services)
    {
        services.AddOptions<SecretsOptions>().BindConfiguration(SecretsOptions.Section);
        services.AddSingleton<KeyEncryptionKey>();
        services.AddSingleton<ServerSecrets>();
        services.AddDataProtection().SetApplicationName("hangar");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>, DataProtectionKeyStore>();
        // Whoever called AddDataProtection first (authentication does too) registered the framework's key-ring loader
        // there; it moves here, behind the migrator.
        foreach (var loader in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "DataProtectionHostedService").ToList())
        {
            services.Remove(loader);
            services.Add(loader);
        }

        services.AddSingleton<ServerCertificateAuthority>();
        return services;
    }
}
