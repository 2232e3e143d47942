namespace Hangar.Storage;

/// <summary>What the blob store's health check found.</summary>
public enum BlobStoreHealth
{
    Ok,
    /// <summary>Too little free space: below <see cref="BlobStorageOptions.MinFreeBytes"/>, or below what a refused write needed.</summary>
    InsufficientStorage,
}
