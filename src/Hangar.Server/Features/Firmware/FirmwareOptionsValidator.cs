using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Firmware;

/// <summary>Readable start-up errors for the rules data annotations cannot say.</summary>
internal sealed class FirmwareOptionsValidator : IValidateOptions<FirmwareOptions>
{
    public ValidateOptionsResult Validate(string? name, FirmwareOptions options)
    {
        var errors = new List<string>();
        if (options.MinPartBytes > options.MaxPartBytes)
        {
            errors.Add($"Firmware:MinPartBytes ({options.MinPartBytes}) must not exceed Firmware:MaxPartBytes ({options.MaxPartBytes}).");
        }

        if (options.PublicAdminUrl is { } admin && PublicBaseUrl.Problem(admin, httpsOnly: false) is { } adminProblem)
        {
            errors.Add($"Firmware:PublicAdminUrl {adminProblem}");
        }

        if (options.PublicDeviceUrl is { } device && PublicBaseUrl.Problem(device, httpsOnly: true) is { } deviceProblem)
        {
            errors.Add($"Firmware:PublicDeviceUrl {deviceProblem}");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
