using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using Hangar.Server.Hosting.Listeners;
using Microsoft.AspNetCore.Connections.Features;

namespace Hangar.Server.Features.Identity;

/// <summary>
/// What a device's TLS connection carries for its requests, in Kestrel's connection items: the handshake's client
/// certificate never changes within a connection, so its fingerprint, the client's address and the principal of the
/// device it proved are worked out once per connection instead of once per request. Only that work is saved: every
/// request still asks the authentication cache (or the database) whether the certificate is a device, so a
/// revocation cuts off an open connection exactly as fast as a new one. Disposed with the connection, since it owns
/// the certificate (SslStream stops owning it once read, and Kestrel never disposes it).
/// </summary>
internal sealed class DeviceConnection : IDisposable
{
    private Proven? _proven;

    private DeviceConnection(X509Certificate2 certificate, string? clientAddress)
    {
        Certificate = certificate;
        Fingerprint = CertificateFacts.Fingerprint(certificate);
        ClientAddress = clientAddress;
    }

    public X509Certificate2 Certificate { get; }

    public string Fingerprint { get; }

    public string? ClientAddress { get; }

    /// <summary>The connection's state, made by its first request; null when the handshake carried no certificate.</summary>
    public static DeviceConnection? Of(HttpContext context)
    {
        var items = context.Features.Get<IConnectionItemsFeature>()?.Items;
        if (items is not null && items.TryGetValue(ConnectionItems.ClientCertificate, out var kept) && kept is DeviceConnection known)
        {
            return known;
        }

        if (context.Connection.ClientCertificate is not { } certificate)
        {
            return null;
        }

        var connection = new DeviceConnection(certificate, context.Connection.RemoteIpAddress?.ToString());
        if (items is not null)
        {
            items[ConnectionItems.ClientCertificate] = connection;
        }

        return connection;
    }

    /// <summary>
    /// The principal for <paramref name="identity"/>, built once per connection: it holds nothing but the identity's
    /// ids, so the one built for an equal identity is the same. Nothing mutates a request's principal after
    /// authentication (claims transformation is the framework's no-op), which is what makes sharing it safe.
    /// </summary>
    public ClaimsPrincipal PrincipalOf(DeviceIdentity identity)
    {
        var proven = _proven;
        if (proven is null || proven.Identity != identity)
        {
            proven = new Proven(identity, DevicePrincipal.Of(identity));
            _proven = proven;
        }

        return proven.Principal;
    }

    public void Dispose() => Certificate.Dispose();

    private sealed record Proven(DeviceIdentity Identity, ClaimsPrincipal Principal);
}
