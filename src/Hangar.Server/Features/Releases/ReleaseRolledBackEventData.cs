namespace Hangar.Server.Features.Releases;

/// <summary>The data of <c>release.rolled_back</c>: the new release that takes devices back, and to which release's bundle.</summary>
internal sealed record ReleaseRolledBackEventData(string Name, Guid CohortId, Guid RollbackReleaseId, Guid ToReleaseId, Guid BundleId, string Reason);
