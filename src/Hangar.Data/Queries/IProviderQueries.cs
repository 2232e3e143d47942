namespace Hangar.Data.Queries;

/// <summary>
/// The statements Hangar writes by hand rather than through EF Core, each in the SQL and on the connections that suit
/// its provider: implemented by Hangar.Data.Sqlite and Hangar.Data.Postgres, one picked when the server starts. Raw
/// SQL gets no tenant filter: every statement takes the organization explicitly.
/// </summary>
public interface IProviderQueries
{
    /// <summary>
    /// The update check's one query (<see cref="DeviceSnapshot"/>): the device of <paramref name="organizationId"/>
    /// with id <paramref name="deviceId"/>, or null when there is none. The hottest statement of the server.
    /// </summary>
    ValueTask<DeviceSnapshot?> FindDeviceSnapshotAsync(Guid organizationId, Guid deviceId, CancellationToken cancellationToken);
}
