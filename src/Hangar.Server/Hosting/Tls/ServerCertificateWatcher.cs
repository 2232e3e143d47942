using System.Runtime.InteropServices;
using Hangar.Server.Hosting.Database;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Hosting.Tls;

/// <summary>
/// Reloads the server certificate when its files or its stored copy change (checked every
/// <c>Tls:ReloadCheckSeconds</c>) or at once on SIGHUP, and re-checks its expiry on the way: new connections get the
/// new certificate, open ones keep theirs.
/// </summary>
internal sealed class ServerCertificateWatcher(
    ServerCertificateStore certificates, TimeProvider time, IOptions<TlsOptions> options, ILogger<ServerCertificateWatcher> logger)
    : BackgroundService
{
    /// <summary>
    /// Loads the certificate before Kestrel binds: the web host starts after every other hosted service, and this one
    /// is registered after the database's migrator. A certificate that cannot be loaded fails the start, since the
    /// listeners would have nothing to present; a first start creates the server CA (and its public copy) here.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        certificates.Refresh(force: false);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var hangup = OperatingSystem.IsWindows() ? null : PosixSignalRegistration.Create(PosixSignal.SIGHUP, signal =>
        {
            // Handled: SIGHUP would otherwise end the process.
            signal.Cancel = true;
            Check(force: true);
        });
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ReloadCheckSeconds), time);
        while (await timer.NextTickAsync(stoppingToken))
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
        catch (Exception exception) when (exception is IOException or System.Security.Cryptography.CryptographicException or UnauthorizedAccessException
                                              || DatabaseUnavailable.Is(exception))
        {
            // A replacement half written, a key that does not match, the database away: keep serving the certificate in use.
            logger.LogError("Could not load the TLS certificate from {Directory} or the database; still serving the previous one: {Reason}",
                certificates.Directory, exception.Message);
        }
    }
}
