namespace Hangar.Agent.State;

/// <summary>What the device runs, sent with every request as the <c>Hangar-Release</c>, <c>Hangar-Bundle</c> and <c>Hangar-Release-Version</c> headers.</summary>
public sealed record RunningSoftware(string? Release, string? Bundle, string? ReleaseVersion);
