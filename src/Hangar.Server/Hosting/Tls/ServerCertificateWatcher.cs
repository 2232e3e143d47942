using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Hosting.Tls;

/// <summary>
/// Reloads the server certificate when its files change (checked every <c>Tls:ReloadCheckSeconds</c>) or at once on
/// SIGHUP, and re-checks its expiry on the way: new connections get the new certificate, open ones keep theirs.
/// </summary>
internal sealed class ServerCertificateWatcher(ServerCertificateStore certificates, TimeProvider time, IOptions<TlsOptions> options, ILogger<ServerCertificateWatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var hangup = OperatingSystem.IsWindows() ? null : PosixSignalRegistration.Create(PosixSignal.SIGHUP, signal =>
        {
            // Handled: SIGHUP would otherwise end the process.
            signal.Cancel = true;
            Check(force: true);
        });
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ReloadCheckSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            Check(force: false);
        }
    }

    private void Check(bool force)
    {
        try
        {
            certificates.Refresh(force);
        }
        catch (Exception exception) when (exception is IOException or System.Security.Cryptography.CryptographicException or UnauthorizedAccessException)
        {
            // A replacement half written, or a key that does not match: keep serving the certificate in use.
            logger.LogError("Could not load the TLS certificate from {Directory}; still serving the previous one: {Reason}",
                certificates.Directory, exception.Message);
        }
    }
}
