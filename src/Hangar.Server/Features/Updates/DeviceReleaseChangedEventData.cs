namespace Hangar.Server.Features.Updates;

/// <summary>
/// What a device reported running changed. The <c>to_</c> ids are as reported; <c>known</c> says whether they name
/// a release or bundle of the organization (unknown ones are recorded as nothing).
/// </summary>
internal sealed record DeviceReleaseChangedEventData(
    string Identifier,
    Guid? FromRelease,
    Guid? ToRelease,
    bool ToReleaseKnown,
    Guid? FromBundle,
    Guid? ToBundle,
    bool ToBundleKnown,
    string? FromVersion,
    string? ToVersion);
