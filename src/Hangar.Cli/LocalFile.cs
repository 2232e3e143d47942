namespace Hangar.Cli;

/// <summary>A file a command is about to write. A <paramref name="Secret"/> file (a private key) is readable by its owner only.</summary>
internal sealed record LocalFile(string Path, string Contents, bool Secret);
