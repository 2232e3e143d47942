namespace Hangar.Cli.Profiles;

/// <summary>A saved server and credential, stored under a name in the config file.</summary>
internal sealed record Profile(string Url, string ApiKey);
