using Hangar.Testing;

namespace Hangar.Server.Tests.Fixtures;

/// <summary>A server whose presence machinery runs in test time: batches every 50 ms, claims renewed each second and expiring after 3 s.</summary>
public abstract class PresenceServer(DatabaseKind database) : ServerFixture(database)
{
    public const int CoalesceSeconds = 2;
    public const int LeaseSeconds = 3;

    protected override IReadOnlyDictionary<string, string?> Settings(Dictionary<string, string?> defaults) =>
        defaults.Concat(new Dictionary<string, string?>
        {
            ["Presence:FlushMilliseconds"] = "50",
            ["Presence:RefreshSeconds"] = "1",
            ["Presence:LeaseSeconds"] = $"{LeaseSeconds}",
            ["Presence:CoalesceSeconds"] = $"{CoalesceSeconds}",
        }).ToDictionary();
}
