namespace Hangar.Core.Firmware;

/// <summary>
/// The binary state machine. Clients move a binary forward one step at a time (uploadable → hashable → hashing) or
/// reset it to uploadable from the middle; the server alone moves hashing → signable (after re-hashing) and
/// signable → signed (when a valid signature arrives).
/// </summary>
public static class BinaryStates
{
    private static readonly Dictionary<BinaryState, BinaryState[]> ClientTransitions = new()
    {
        [BinaryState.Uploadable] = [BinaryState.Hashable],
        [BinaryState.Hashable] = [BinaryState.Hashing, BinaryState.Uploadable],
        [BinaryState.Hashing] = [BinaryState.Uploadable],
        [BinaryState.Signable] = [BinaryState.Uploadable],
        [BinaryState.Signed] = [BinaryState.Destroyed],
        [BinaryState.Destroyed] = [],
    };

    /// <summary>Whether a client may ask for <paramref name="to"/> while the binary is in <paramref name="from"/>. Asking for the current state is a no-op, not a transition.</summary>
    public static bool ClientMay(BinaryState from, BinaryState to) => ClientTransitions[from].Contains(to);

    /// <summary>The states a client may ask for from <paramref name="from"/>, for error messages.</summary>
    public static IReadOnlyList<BinaryState> ClientTargets(BinaryState from) => ClientTransitions[from];

    public static string ToWire(this BinaryState state) => state switch
    {
        BinaryState.Uploadable => "uploadable",
        BinaryState.Hashable => "hashable",
        BinaryState.Hashing => "hashing",
        BinaryState.Signable => "signable",
        BinaryState.Signed => "signed",
        BinaryState.Destroyed => "destroyed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static bool TryParse(string? text, out BinaryState state)
    {
        foreach (var candidate in Enum.GetValues<BinaryState>())
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

    public static BinaryState Parse(string text) =>
        TryParse(text, out var state) ? state : throw new FormatException($"'{text}' is not a binary state");

    public static IReadOnlyList<string> All { get; } = Enum.GetValues<BinaryState>().Select(s => s.ToWire()).ToArray();
}
