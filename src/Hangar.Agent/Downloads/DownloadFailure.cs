namespace Hangar.Agent.Downloads;

public enum DownloadFailure
{
    /// <summary>Not enough free space in the cache for the rest of the file and the reserve.</summary>
    InsufficientSpace,

    /// <summary>The whole file arrived but its size or SHA-256 is wrong; the partial was deleted.</summary>
    Corrupt,

    /// <summary>Every attempt failed; the partial is kept for the next run.</summary>
    RetriesExhausted,

    /// <summary>The server refused the request (4xx other than 408/429); retrying the same URL is pointless.</summary>
    Rejected,
}
