namespace Hangar.Data.Devices;

/// <summary>
/// One tag of a device. Tags live in their own table, not in a JSON or array column, so that searching by tag is
/// the same indexed equality on SQLite and PostgreSQL.
/// </summary>
public sealed class DeviceTag : IOrganizationOwned
{
    public required Guid DeviceId { get; init; }
    public required Guid OrganizationId { get; init; }
    public required string Value { get; init; }
}
