using Hangar.Core.Releases;
using Hangar.Core.Versions;

namespace Hangar.Core.Tests.Releases;

/// <summary>Builds cohort graphs for resolver tests: a chain r0 → r1 → … → latest unless told otherwise.</summary>
internal sealed class GraphBuilder
{
    public static readonly DateTime Now = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);
    public static readonly Guid Cohort = Guid.Parse("0190a6e2-0000-7000-8000-000000000001");

    private readonly List<ReleaseNode> _releases = [];

    public IReadOnlyList<ReleaseNode> Releases => _releases;

    public static Guid IdOf(int index) => Guid.Parse($"0190a6e2-0000-7000-8000-{index + 100:D12}");

    public static Guid BundleOf(int index) => Guid.Parse($"0190a6e2-0000-7000-9000-{index + 100:D12}");

    /// <summary>A chain of <paramref name="count"/> releases with versions 1.0.0, 1.1.0, …</summary>
    public static GraphBuilder Chain(int count)
    {
        var builder = new GraphBuilder();
        for (var i = 0; i < count; i++)
        {
            builder._releases.Add(new ReleaseNode(
                IdOf(i), BundleOf(i), i < count - 1 ? IdOf(i + 1) : null, Required: false, Disabled: false, ScheduleDate: null,
                ReleasePhase.Everyone, SemanticVersion.Create(1, i, 0), null, BundleDeliverable: true, Now.AddDays(i - 100)));
        }

        return builder;
    }

    public GraphBuilder With(int index, Func<ReleaseNode, ReleaseNode> change)
    {
        _releases[index] = change(_releases[index]);
        return this;
    }

    public CohortReleaseGraph Build() => new(Cohort, _releases);

    public static DeviceState Device(Guid? release = null, Guid? bundle = null, string? version = null, bool quarantined = false, params string[] tags) =>
        new(Guid.Parse("0190a6e2-0000-7000-a000-000000000001"), quarantined, Cohort, tags.ToHashSet(StringComparer.Ordinal),
            release, bundle, version is null ? null : SemanticVersion.Parse(version));
}
