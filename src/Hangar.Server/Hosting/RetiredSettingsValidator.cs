using Microsoft.Extensions.Options;

namespace Hangar.Server.Hosting;

/// <summary>Fails the start, naming the replacement, when any <see cref="RetiredSetting"/> is configured.</summary>
internal sealed class RetiredSettingsValidator(IConfiguration configuration, IEnumerable<RetiredSetting> retired) : IValidateOptions<ServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        var set = retired.Where(setting => configuration.GetSection(setting.Key).Exists())
            .Select(setting => $"{setting.Key} is no longer read: {setting.Instead}").ToList();
        return set.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(set);
    }
}
