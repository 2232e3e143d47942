namespace Hangar.Contracts.Releases;

/// <summary>
/// Rolls back the cohort's latest release: it is halted, and a new required release shipping
/// <see cref="ToRelease"/>'s bundle is appended as the latest (see docs/concepts/releases.md).
/// </summary>
/// <param name="Reason">Why, 1–512 characters; becomes the rolled-back release's halt reason.</param>
/// <param name="ToRelease">Id or resource name of the release whose bundle devices go back to; by default the release that points to the rolled-back one (the most recently created if several do).</param>
public sealed record RollbackReleaseRequest(string Reason, string? ToRelease = null);
