namespace Hangar.Server.Features.Firmware;

/// <summary>What one garbage collection run removed.</summary>
internal sealed record BlobCollection(int AbandonedUploads, int OrphanedUploads, int OrphanedObjects, long ObjectBytes)
{
    public bool RemovedAnything => AbandonedUploads + OrphanedUploads + OrphanedObjects > 0;
}
