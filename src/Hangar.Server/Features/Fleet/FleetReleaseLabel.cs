namespace Hangar.Server.Features.Fleet;

/// <summary>A release as labels: its organization's, its cohort's and its own name.</summary>
internal sealed record FleetReleaseLabel(string Organization, string Cohort, string Release)
{
    public const string OtherValue = "other";
    public const string NoneValue = "none";

    public static FleetReleaseLabel Other { get; } = new(OtherValue, OtherValue, OtherValue);

    /// <summary>Devices that report no release (never updated by Hangar, or reported an unknown one).</summary>
    public static FleetReleaseLabel None { get; } = new(NoneValue, NoneValue, NoneValue);
}
