using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Logging;

namespace Hangar.Bench;

/// <summary>
/// The floor for any ASP.NET Core server: Kestrel with the device listener's TLS settings (client certificate
/// required, chain policy without the OS store) answering 200 to everything, in this process like Hangar. What
/// Hangar costs above it is its own pipeline; what it costs above nginx and below it is .NET's TLS and Kestrel.
/// </summary>
internal static class BareKestrel
{
    public static async Task<WebApplication> StartAsync(X509Certificate2 serverCertificate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(https =>
        {
            https.ServerCertificate = serverCertificate;
            https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
            https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
            https.AllowAnyClientCertificate();
            https.OnAuthenticate = (_, ssl) => ssl.CertificateChainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
                DisableCertificateDownloads = true,
            };
        })));
        var app = builder.Build();
        app.Run(context => context.Response.WriteAsync("ok\n"));
        await app.StartAsync();
        return app;
    }
}
