namespace Hangar.Storage;

/// <summary>
/// An object (named by its SHA-256) or a staged upload (named by its upload id) as garbage collection sees it: how many
/// bytes it holds and when it was last written (for an upload, when a part last arrived).
/// </summary>
public sealed record StoredBlob(string Name, long Size, DateTimeOffset LastModified);
