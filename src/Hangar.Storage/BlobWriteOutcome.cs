namespace Hangar.Storage;

public enum BlobWriteOutcome
{
    /// <summary>The bytes matched and are stored.</summary>
    Stored,
    /// <summary>More or fewer bytes arrived than declared; nothing was kept.</summary>
    SizeMismatch,
    /// <summary>The bytes had another SHA-256 than declared; nothing was kept.</summary>
    HashMismatch,
    /// <summary>A part named by the completion is not staged; nothing was kept.</summary>
    MissingPart,
    /// <summary>The store has no room for the bytes (checked before writing, or the disk filled up); nothing was kept.</summary>
    InsufficientStorage,
}
