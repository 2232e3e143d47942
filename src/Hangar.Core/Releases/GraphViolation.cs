namespace Hangar.Core.Releases;

/// <summary>Why a release graph change is refused. <see cref="Code"/> is the API error code.</summary>
public sealed record GraphViolation(string Code, string Message);
