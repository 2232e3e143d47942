namespace Hangar.Cli;

/// <summary>The environment variables the CLI reads. An empty value counts as unset.</summary>
internal static class EnvironmentVariables
{
    public const string Url = "HANGAR_URL";
    public const string ApiKey = "HANGAR_API_KEY";
    public const string Profile = "HANGAR_PROFILE";
    public const string ConfigDirectory = "HANGAR_CONFIG_DIR";

    public static string? Get(IReadOnlyDictionary<string, string?> environment, string name) =>
        environment.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}
