namespace Hangar.Contracts.Devices;

/// <summary>How many devices the bulk action selected and how many it actually changed.</summary>
public sealed record BulkDeviceActionResponse(int Matched, int Changed);
