namespace Hangar.Cli.Profiles;

/// <summary>
/// Decides which server and key a command uses. Each of URL and key comes from the first of: the flag, the
/// environment variable, the profile (named by <c>--profile</c>, else <c>HANGAR_PROFILE</c>, else <c>default</c>).
/// </summary>
internal sealed class ConnectionResolver(IReadOnlyDictionary<string, string?> environment, ProfileStore store)
{
    public const string DefaultProfile = "default";

    public ProfileStore Store { get; } = store;

    public string ProfileName(string? profileFlag) =>
        profileFlag ?? EnvironmentVariables.Get(environment, EnvironmentVariables.Profile) ?? DefaultProfile;

    public Connection Resolve(string? profileFlag, string? urlFlag, string? apiKeyFlag)
    {
        var profileName = ProfileName(profileFlag);
        var url = urlFlag ?? EnvironmentVariables.Get(environment, EnvironmentVariables.Url);
        var apiKey = apiKeyFlag ?? EnvironmentVariables.Get(environment, EnvironmentVariables.ApiKey);

        // The file is read only when something is still missing, so explicit settings work even beside a broken file.
        if (url is null || apiKey is null)
        {
            var profile = Store.Load().Profiles.GetValueOrDefault(profileName);
            if (profile is null && profileName != DefaultProfile)
            {
                throw new CommandException(ExitCodes.NotConfigured,
                    $"profile '{profileName}' does not exist in {Store.FilePath}; create it with " +
                    $"'hangar login --profile {profileName} --url URL --api-key KEY'.");
            }

            url ??= profile?.Url;
            apiKey ??= profile?.ApiKey;
        }

        if (url is null || apiKey is null)
        {
            var missing = url is null && apiKey is null ? "no server URL or API key" : url is null ? "no server URL" : "no API key";
            throw new CommandException(ExitCodes.NotConfigured,
                $"{missing} configured. Run 'hangar login --url URL --api-key KEY' to save a profile, " +
                $"set {EnvironmentVariables.Url} and {EnvironmentVariables.ApiKey}, or pass --url and --api-key.");
        }

        return new Connection(profileName, ParseUrl(url), apiKey);
    }

    public static Uri ParseUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw new CommandException(ExitCodes.UsageError, $"'{url}' is not a server URL; expected an absolute http:// or https:// URL.");
}
