namespace Hangar.Cli;

/// <summary>The environment variables the CLI reads. An empty value counts as unset.</summary>
internal static class EnvironmentVariables
{
    public const string Url = "HANGAR_URL";
    public const string ApiKey = "HANGAR_API_KEY";
    public const string Profile = "HANGAR_PROFILE";
    public const string ConfigDirectory = "HANGAR_CONFIG_DIR";
    /// <summary>A single-tunnel token for <c>tunnels stdio</c> (set by <c>hangar ssh</c> for the ssh it starts).</summary>
    public const string TunnelToken = "HANGAR_TUNNEL_TOKEN";

    public static string? Get(IReadOnlyDictionary<string, string?> environment, string name) =>
        environment.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}
