namespace Hangar.Contracts.Access;

public sealed record UpdateMemberRequest(string Role);
