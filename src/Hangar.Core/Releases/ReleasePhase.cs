namespace Hangar.Core.Releases;

/// <summary>
/// Who may take a release. Numeric values in [0, 1] are a fraction of the cohort's devices, integers ≥ 2 an absolute
/// number of devices; 1 means everyone, i.e. not phased. Tags mode admits devices having any of the tags.
/// </summary>
public sealed record ReleasePhase(PhaseMode Mode, decimal Value, IReadOnlySet<string> Tags)
{
    public static ReleasePhase Everyone { get; } = new(PhaseMode.Numeric, 1m, new HashSet<string>());

    public static ReleasePhase Share(decimal value) => new(PhaseMode.Numeric, value, new HashSet<string>());

    public static ReleasePhase ForTags(params string[] tags) => new(PhaseMode.Tags, 1m, tags.ToHashSet(StringComparer.Ordinal));

    public bool IsPhased => Mode == PhaseMode.Tags || Value != 1m;

    public bool IsValid => Mode == PhaseMode.Tags
        ? Tags.Count > 0
        : (Value >= 0m && Value <= 1m) || (Value >= 2m && Value == decimal.Truncate(Value) && Value <= 1_000_000_000m);

    /// <summary>How many devices a numeric phase admits in a cohort of <paramref name="cohortDevices"/> devices.</summary>
    public long Capacity(int cohortDevices) =>
        Value <= 1m ? (long)decimal.Floor(Value * cohortDevices) : (long)Value;
}
