using System.Net;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Webhooks;

internal sealed class WebhooksOptionsValidator : IValidateOptions<WebhooksOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhooksOptions options)
    {
        var bad = options.AllowedNetworks.Where(n => !IPNetwork.TryParse(n, out _)).ToList();
        return bad.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Webhooks:AllowedNetworks must hold CIDR networks such as \"10.0.0.0/8\" or \"::1/128\"; not: {string.Join(", ", bad)}.");
    }
}
