namespace Hangar.Data.Releases;

/// <summary>
/// One release of a cohort: the bundle it ships and its place in the cohort's release graph (at most one next
/// release; no next = the latest). Availability can be constrained by a schedule date and a phase; a failure policy
/// halts the rollout (disables the release) when too many devices fail. Graph invariants: Hangar.Core.Releases.ReleaseGraphRules.
/// </summary>
public sealed class Release : IOrganizationOwned
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public required Guid CohortId { get; init; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public required Guid BundleId { get; init; }
    public Guid? NextReleaseId { get; set; }
    public bool Required { get; set; }
    public bool Disabled { get; set; }
    public DateTime? ScheduleDate { get; set; }

    /// <summary><c>numeric</c> or <c>tags</c>.</summary>
    public required string PhaseMode { get; set; }

    /// <summary>Numeric mode: a fraction in [0, 1] of the cohort, or a whole number of devices ≥ 2.</summary>
    public decimal PhaseValue { get; set; } = 1m;

    /// <summary>Tags mode: devices having any of these tags may take the release.</summary>
    public List<string> PhaseTags { get; set; } = [];

    /// <summary>How many devices hold a phase claim on this release; raised atomically against the phase's capacity.</summary>
    public int PhaseClaimCount { get; set; }

    public string? Version { get; set; }
    public string? VersionRequirement { get; set; }

    /// <summary>Failure policy: halt when at least this share (0–1) of the reporting devices failed…</summary>
    public decimal? HaltFailureRate { get; set; }

    /// <summary>…and at least this many devices finished (committed, failed or rolled back).</summary>
    public int? HaltMinimumDevices { get; set; }

    /// <summary>Set when the failure policy (or an operator) halted the rollout; the release is then disabled.</summary>
    public DateTime? HaltedAt { get; set; }

    public string? HaltReason { get; set; }

    /// <summary>When this release was created by rolling back another one, that release.</summary>
    public Guid? RollbackOfReleaseId { get; init; }

    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; set; }
}
