namespace Hangar.Agent.Downloads;

/// <param name="Path">The verified file in the cache.</param>
/// <param name="BytesFetched">Bytes received over the network in this call; less than the size after a resume.</param>
public sealed record DownloadResult(string Path, long BytesFetched);
