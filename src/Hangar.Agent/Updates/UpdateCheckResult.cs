using Hangar.Contracts.Updates;

namespace Hangar.Agent.Updates;

/// <summary>An update check's answer and its ETag; <see cref="NotModified"/> when the server answered 304 to the ETag sent.</summary>
public sealed record UpdateCheckResult(UpdateCheckResponse? Answer, string? ETag, bool NotModified);
