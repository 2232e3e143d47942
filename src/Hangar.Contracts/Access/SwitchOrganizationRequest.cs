namespace Hangar.Contracts.Access;

/// <summary>Moves the console session to another organization its user belongs to (the console's organization switcher).</summary>
public sealed record SwitchOrganizationRequest(Guid OrganizationId);
