namespace Hangar.Server.Features.Updates;

/// <summary>What an update answer says about a release besides the resolver's view of it.</summary>
internal sealed record ReleaseFacts(Guid Id, Guid OrganizationId, string Name, string? Version, bool Required);
