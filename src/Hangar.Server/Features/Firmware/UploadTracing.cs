using System.Diagnostics;

namespace Hangar.Server.Features.Firmware;

/// <summary>
/// Activity source <c>Hangar.Firmware</c>: a binary's upload as spans, one per part (streaming to the blob store takes
/// nearly all of a part's request), one for completing it (the move to <c>hashable</c>, which checks the parts), and
/// one for the hashing worker's background job (verifying the whole content, making it durable; no request, so no
/// request id) with its outcome: <c>signable</c>, or the error that sent the binary back to <c>uploadable</c>.
/// </summary>
internal static class UploadTracing
{
    public const string SourceName = "Hangar.Firmware";
    public const string PartSpan = "hangar.binary.part.upload";
    public const string CompleteSpan = "hangar.binary.upload.complete";
    public const string HashingSpan = "hangar.binary.hashing";
    public const string OutcomeTag = "hangar.binary.hashing.outcome";
    public const string BinaryIdTag = "hangar.binary_id";

    public static readonly ActivitySource Source = new(SourceName);
}
