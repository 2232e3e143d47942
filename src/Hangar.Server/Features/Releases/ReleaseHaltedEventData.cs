namespace Hangar.Server.Features.Releases;

/// <param name="Automatic">True when the release's failure policy halted it, false when an operator did.</param>
internal sealed record ReleaseHaltedEventData(string Name, Guid CohortId, string Reason, bool Automatic);
