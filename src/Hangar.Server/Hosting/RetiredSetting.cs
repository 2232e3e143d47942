namespace Hangar.Server.Hosting;

/// <summary>
/// A configuration key the server no longer reads, and what to set instead. The server refuses to start while it is
/// set (<see cref="RetiredSettingsValidator"/>): ignored in silence, it would quietly change what the operator asked
/// for (a proxy no longer trusted, a limit no longer applied). A feature registers its own as a singleton.
/// </summary>
internal sealed record RetiredSetting(string Key, string Instead);
