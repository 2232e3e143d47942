namespace Hangar.Agent.Downloads;

/// <param name="Key">Names the cache files; a binary id. Letters, digits, '.', '_' and '-' only.</param>
/// <param name="Size">The declared size: never more is written, and anything else fails verification.</param>
/// <param name="Sha256">Lowercase or uppercase hex of the expected SHA-256.</param>
/// <param name="OnProgress">Told how many bytes of the file are in the cache after every block; called often, so it must be cheap.</param>
public sealed record DownloadRequest(string Key, Uri Url, long Size, string Sha256, Action<long>? OnProgress = null);
