using Hangar.Data;

namespace Hangar.Server.Features.Devices;

/// <summary>
/// What other features hold for a device in a cohort, given back inside the fleet change's transaction when devices
/// leave their cohort or are deleted. Declared here so that the fleet depends on no feature built on it: releases
/// implement it (their phase places, <c>PhaseClaimRelease</c>).
/// </summary>
internal interface IDeviceDepartures
{
    /// <summary>Devices moving to <paramref name="newCohortId"/> (null: out of any cohort), before the move is saved.</summary>
    Task LeaveCohortAsync(HangarDbContext db, IReadOnlyCollection<Guid> deviceIds, Guid? newCohortId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>A device about to be deleted.</summary>
    Task ReleaseAsync(HangarDbContext db, Guid deviceId, DateTimeOffset now, CancellationToken cancellationToken);
}
