namespace Hangar.Server.Hosting.Locks;

/// <summary>How a server holds its data directory (<c>Server:DataDirectoryLock</c>).</summary>
internal enum DataDirectoryLockMode
{
    /// <summary>One server per data directory: a second one refuses to start.</summary>
    Exclusive,

    /// <summary>Several nodes share the directory (a shared volume); each holds it shared, and an exclusive server is refused.</summary>
    Shared,
}
