using Hangar.Server.Hosting.Listeners;
using Hangar.Server.Hosting.Proxies;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Hosting;

/// <summary>Readable start-up errors for listener URLs (instead of a bind failure deep inside Kestrel) and trusted proxies.</summary>
internal sealed class ServerOptionsValidator : IValidateOptions<ServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        var errors = new List<string>();
        if (!ListenerAddress.TryParse(options.AdminUrl, out _, out var adminError))
        {
            errors.Add($"Server:AdminUrl (--admin-url): {adminError}");
        }

        if (!ListenerAddress.TryParse(options.DeviceUrl, out var device, out var deviceError))
        {
            errors.Add($"Server:DeviceUrl (--device-url): {deviceError}");
        }
        else if (!device.Https)
        {
            errors.Add("Server:DeviceUrl (--device-url) must be https: devices authenticate with client certificates.");
        }

        if (options.DdiUrl is { } ddiUrl && !ListenerAddress.TryParse(ddiUrl, out _, out var ddiError))
        {
            errors.Add($"Server:DdiUrl (--ddi-url): {ddiError}");
        }

        errors.AddRange(options.TrustedProxies.Where(entry => !TrustedProxies.TryParse(entry, out _)).Select(entry =>
            $"Server:TrustedProxies: '{entry}' is not an IP address or a CIDR network with no bits set past its prefix (10.0.0.0/24, 2001:db8::/48)."));

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
