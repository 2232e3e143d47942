using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
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

        var device = services.GetRequiredService<IOptions<DeviceListenerOptions>>().Value;

        Bind(kestrel, registry, certificates, ListenerKind.Admin, options.AdminUrl, ClientCertificateMode.NoCertificate);
        // Devices must present a certificate in the handshake; whether it is trusted is decided per organization by
        // the device certificate authentication scheme. Only with trusted proxies configured may a connection come
        // without one (the proxy's), and then the certificate arrives in a header that only those proxies may send.
        Bind(kestrel, registry, certificates, ListenerKind.Device, options.DeviceUrl,
            device.CertificateOptional ? ClientCertificateMode.AllowCertificate : ClientCertificateMode.RequireCertificate);
        if (options.DdiUrl is { } ddiUrl)
        {
            // hawkBit clients with a target or gateway token have no client certificate to present (docs/adr/0013).
            Bind(kestrel, registry, certificates, ListenerKind.Ddi, ddiUrl, ClientCertificateMode.NoCertificate);
        }
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
            listen.Use(next => async connection =>
            {
                connection.Items[ConnectionItems.Listener] = kind;
                try
                {
                    await next(connection);
                }
                finally
                {
                    // Once read, the client certificate is the application's to dispose (SslStream stops owning it),
                    // and Kestrel never does: left to the finalizer, thousands of short device connections queue
                    // native handles behind the GC.
                    if (connection.Items.TryGetValue(ConnectionItems.ClientCertificate, out var certificate))
                    {
                        (certificate as IDisposable)?.Dispose();
                    }
                }
            });
            if (address.Https)
            {
                listen.UseHttps(https =>
                {
                    // Asked per handshake, not here: the certificate may live in the database, which is not migrated yet
                    // when Kestrel is configured. OnAuthenticate below hands SslStream the loaded context instead.
                    https.ServerCertificateSelector = (_, _) => certificates.ServerCertificate;
                    https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                    https.ClientCertificateMode = clientCertificates;
                    // Chain checks belong to Hangar's own per-organization validation, not to the OS trust store.
                    https.AllowAnyClientCertificate();
                    https.CheckCertificateRevocation = false;
                    https.HandshakeTimeout = TimeSpan.FromSeconds(10);
                    // SslStream builds the client's chain before asking the callback above, by default against the
                    // OS trust store and with AIA downloads on (.NET 10): a client-chosen URL fetched during the
                    // handshake, and about 1 ms of CPU per handshake. Nothing is trusted at this layer anyway.
                    https.OnAuthenticate = (_, ssl) =>
                    {
                        ssl.CertificateChainPolicy = HandshakeChainPolicy();
                        // The certificate as last (re)loaded: a replaced or renewed one is served without a restart.
                        ssl.ServerCertificate = null;
                        ssl.ServerCertificateSelectionCallback = null;
                        ssl.ServerCertificateContext = certificates.Context;
                    };
                });
            }

            registry.Add(kind, listen, address.Https);
        });
    }

    private static X509ChainPolicy HandshakeChainPolicy() => new()
    {
        TrustMode = X509ChainTrustMode.CustomRootTrust,
        RevocationMode = X509RevocationMode.NoCheck,
        DisableCertificateDownloads = true,
    };
}
