using Hangar.Core.Firmware;
using Xunit;

namespace Hangar.Core.Tests.Firmware;

/// <summary>The binary state machine's full table, including the transient hashing state no API test can hold a binary in.</summary>
public sealed class BinaryStatesTests
{
    private static readonly (BinaryState From, BinaryState To)[] Legal =
    [
        (BinaryState.Uploadable, BinaryState.Hashable),
        (BinaryState.Hashable, BinaryState.Hashing),
        (BinaryState.Hashable, BinaryState.Uploadable),
        (BinaryState.Hashing, BinaryState.Uploadable),
        (BinaryState.Signable, BinaryState.Uploadable),
        (BinaryState.Signed, BinaryState.Destroyed),
    ];

    [Fact]
    public void ClientMay_EveryPairOfStates_IsTrueExactlyForTheLegalClientTransitions()
    {
        foreach (var from in Enum.GetValues<BinaryState>())
        {
            foreach (var to in Enum.GetValues<BinaryState>())
            {
                Assert.True(Legal.Contains((from, to)) == BinaryStates.ClientMay(from, to), $"{from} -> {to}");
            }
        }
    }

    [Fact]
    public void ClientMay_ServerOnlyTargets_AreNeverAllowed()
    {
        foreach (var from in Enum.GetValues<BinaryState>())
        {
            Assert.False(BinaryStates.ClientMay(from, BinaryState.Signable));
            Assert.False(BinaryStates.ClientMay(from, BinaryState.Signed));
        }
    }

    [Fact]
    public void WireNames_RoundTrip()
    {
        foreach (var state in Enum.GetValues<BinaryState>())
        {
            Assert.Equal(state, BinaryStates.Parse(state.ToWire()));
        }

        Assert.False(BinaryStates.TryParse("Signed", out _));
    }
}
