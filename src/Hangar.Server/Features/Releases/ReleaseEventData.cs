using Hangar.Data.Releases;

namespace Hangar.Server.Features.Releases;

/// <summary>The data of <c>release.created</c>, <c>.updated</c>, <c>.deleted</c> and <c>.resumed</c>: where the release sits and what it ships.</summary>
internal sealed record ReleaseEventData(string Name, Guid CohortId, Guid BundleId, Guid? NextReleaseId, string? Version, bool Required, bool Disabled)
{
    public static ReleaseEventData Of(Release release) =>
        new(release.Name, release.CohortId, release.BundleId, release.NextReleaseId, release.Version, release.Required, release.Disabled);
}
