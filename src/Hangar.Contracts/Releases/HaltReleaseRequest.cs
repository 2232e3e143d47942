namespace Hangar.Contracts.Releases;

/// <summary>Halts a rollout: the release is disabled and devices stop being offered it.</summary>
/// <param name="Reason">Why, 1–512 characters; kept on the release and in the <c>release.halted</c> event.</param>
public sealed record HaltReleaseRequest(string Reason);
