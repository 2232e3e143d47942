namespace Hangar.Core.Releases;

/// <summary>
/// The update status state machine: <c>downloading → downloaded → installing → installed → committed</c>, with
/// <c>failed</c> reachable from any step before commit and <c>rolled_back</c> from <c>installed</c> (the trial boot
/// failed its health check). Reports only move forward, but they may skip steps a device does not report (an
/// installer that downloads and installs in one go). <c>aborted</c> (the rollout was stopped) is reachable from any
/// state that is not final. After <c>failed</c>, <c>rolled_back</c> or <c>aborted</c> a device may start a new
/// attempt at <c>downloading</c>; <c>committed</c> is final.
/// </summary>
public static class UpdateStates
{
    private static readonly UpdateState[] Forward =
        [UpdateState.Offered, UpdateState.Downloading, UpdateState.Downloaded, UpdateState.Installing, UpdateState.Installed, UpdateState.Committed];

    /// <summary>Whether a device may report <paramref name="to"/> while its update is in <paramref name="from"/>.</summary>
    public static bool MayMove(UpdateState from, UpdateState to) => (from, to) switch
    {
        (UpdateState.Committed, _) => false,
        (UpdateState.Failed or UpdateState.RolledBack or UpdateState.Aborted, UpdateState.Downloading) => true,
        (UpdateState.Failed or UpdateState.RolledBack or UpdateState.Aborted, _) => false,
        (_, UpdateState.Offered) => false,
        (_, UpdateState.Aborted) => true,
        (_, UpdateState.Failed) => true,
        (UpdateState.Installed, UpdateState.RolledBack) => true,
        (_, UpdateState.RolledBack) => false,
        _ => Array.IndexOf(Forward, to) > Array.IndexOf(Forward, from),
    };

    /// <summary>Whether the update is over: the device reports nothing more on it unless it starts a new attempt.</summary>
    public static bool IsFinal(this UpdateState state) =>
        state is UpdateState.Committed or UpdateState.Failed or UpdateState.RolledBack or UpdateState.Aborted;

    public static string ToWire(this UpdateState state) => state switch
    {
        UpdateState.Offered => "offered",
        UpdateState.Downloading => "downloading",
        UpdateState.Downloaded => "downloaded",
        UpdateState.Installing => "installing",
        UpdateState.Installed => "installed",
        UpdateState.Committed => "committed",
        UpdateState.Failed => "failed",
        UpdateState.RolledBack => "rolled_back",
        UpdateState.Aborted => "aborted",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static bool TryParse(string? text, out UpdateState state)
    {
        foreach (var candidate in Enum.GetValues<UpdateState>())
        {
            if (candidate.ToWire() == text)
            {
                state = candidate;
                return true;
            }
        }

        state = default;
        return false;
    }

    public static UpdateState Parse(string text) =>
        TryParse(text, out var state) ? state : throw new FormatException($"'{text}' is not an update state");

    public static IReadOnlyList<string> All { get; } = Enum.GetValues<UpdateState>().Select(s => s.ToWire()).ToArray();
}
