using System.Security.Authentication;
using Hangar.Server.Hosting.Tls;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Hosting.Listeners;

/// <summary>Binds one Kestrel endpoint per listener and tags every connection with the listener it came in on.</summary>
internal static class KestrelListeners
{
    public static void Configure(KestrelServerOptions kestrel)
    {
        var services = kestrel.ApplicationServices;
        var options = services.GetRequiredService<IOptions<ServerOptions>>().Value;
        var registry = services.GetRequiredService<ListenerRegistry>();
        var certificates = services.GetRequiredService<ServerCertificateStore>();

        kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
        kestrel.AddServerHeader = false;

        Bind(kestrel, registry, certificates, ListenerKind.Admin, options.AdminUrl, ClientCertificateMode.NoCertificate);
        // Devices authenticate with client certificates; the device-identity feature validates them itself
        // (per-organization trust), so Kestrel only asks for one here.
        Bind(kestrel, registry, certificates, ListenerKind.Device, options.DeviceUrl, ClientCertificateMode.AllowCertificate);
    }

    private static void Bind(
        KestrelServerOptions kestrel,
        ListenerRegistry registry,
        ServerCertificateStore certificates,
        ListenerKind kind,
        string url,
        ClientCertificateMode clientCertificates)
    {
        if (!ListenerAddress.TryParse(url, out var address, out var error))
        {
            throw new OptionsValidationException(ServerOptions.Section, typeof(ServerOptions), [$"{kind} listener: {error}"]);
        }

        kestrel.Listen(address.Address, address.Port, listen =>
        {
            listen.Use(next => connection =>
            {
                connection.Items[ListenerGuardMiddleware.ConnectionItemKey] = kind;
                return next(connection);
            });
            if (address.Https)
            {
                listen.UseHttps(https =>
                {
                    https.ServerCertificate = certificates.ServerCertificate;
                    https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                    https.ClientCertificateMode = clientCertificates;
                    // Chain checks belong to Hangar's own per-organization validation, not to the OS trust store.
                    https.AllowAnyClientCertificate();
                });
            }

            registry.Add(kind, listen, address.Https);
        });
    }
}
