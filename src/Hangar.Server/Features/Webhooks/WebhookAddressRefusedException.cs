using System.Net;

namespace Hangar.Server.Features.Webhooks;

/// <summary>A webhook host resolved to an address the <see cref="WebhookAddressPolicy"/> refuses.</summary>
internal sealed class WebhookAddressRefusedException(string host, IPAddress address, string kind)
    : Exception($"{host} resolves to {address}, a {kind} address, which webhooks may not reach (see Webhooks:AllowedNetworks)")
{
    public IPAddress Address { get; } = address;
}
