namespace Hangar.Cli.Profiles;

/// <summary>The server and key a command talks to, after flags, environment and profile have been combined.</summary>
internal sealed record Connection(string ProfileName, Uri Url, string ApiKey);
