using System.Diagnostics;

namespace Hangar.Server.Features.Firmware;

/// <summary>
/// Activity source <c>Hangar.Firmware</c>: a binary's upload as spans, one per part (streaming to the blob store takes
/// nearly all of a part's request) and one for completing it (the move to <c>hashable</c>, which checks the parts).
/// </summary>
internal static class UploadTracing
{
    public const string SourceName = "Hangar.Firmware";
    public const string PartSpan = "hangar.binary.part.upload";
    public const string CompleteSpan = "hangar.binary.upload.complete";
    public const string BinaryIdTag = "hangar.binary_id";

    public static readonly ActivitySource Source = new(SourceName);
}
