namespace Hangar.Core.Releases;

/// <summary>
/// The phase claims relevant to one check: which phased releases this device already claimed (it keeps them), how
/// many claims each release has, and how many devices the cohort has (for fractional phases).
/// </summary>
public sealed record PhaseClaims(IReadOnlySet<Guid> ClaimedByDevice, IReadOnlyDictionary<Guid, int> ClaimCounts, int CohortDevices)
{
    public static PhaseClaims None(int cohortDevices) => new(new HashSet<Guid>(), new Dictionary<Guid, int>(), cohortDevices);

    public int CountFor(Guid releaseId) => ClaimCounts.GetValueOrDefault(releaseId);
}
