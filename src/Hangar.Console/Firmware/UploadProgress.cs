namespace Hangar.Console.Firmware;

/// <summary>Where a browser upload is: its stage, bytes the server holds, parts done, and parts it already had when this upload began.</summary>
internal sealed record UploadProgress(string Stage, long SentBytes, long TotalBytes, int PartsDone, int PartsTotal, int PartsAlreadyThere);
