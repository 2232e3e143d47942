using Hangar.Core.Releases;
using Xunit;

namespace Hangar.Core.Tests.Releases;

public sealed class UpdateStatesTests
{
    public static TheoryData<string, string> Allowed => new()
    {
        { "offered", "downloading" }, { "offered", "installing" }, { "offered", "committed" }, { "offered", "failed" },
        { "downloading", "downloaded" }, { "downloading", "installed" }, { "downloading", "failed" },
        { "downloaded", "installing" }, { "installing", "installed" }, { "installing", "failed" },
        { "installed", "committed" }, { "installed", "rolled_back" }, { "installed", "failed" },
        { "failed", "downloading" }, { "rolled_back", "downloading" },
        { "offered", "aborted" }, { "downloading", "aborted" }, { "downloaded", "aborted" }, { "installing", "aborted" },
        { "installed", "aborted" }, { "aborted", "downloading" },
    };

    public static TheoryData<string, string> Refused => new()
    {
        { "downloading", "offered" }, { "downloaded", "downloading" }, { "installed", "installing" }, { "installed", "downloaded" },
        { "committed", "failed" }, { "committed", "rolled_back" }, { "committed", "downloading" },
        { "failed", "installed" }, { "failed", "committed" }, { "rolled_back", "committed" },
        { "downloading", "rolled_back" }, { "installing", "rolled_back" }, { "offered", "rolled_back" },
        { "committed", "aborted" }, { "failed", "aborted" }, { "rolled_back", "aborted" },
        { "aborted", "installing" }, { "aborted", "committed" }, { "aborted", "failed" },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void MayMove_Forward_IsAllowed(string from, string to) =>
        Assert.True(UpdateStates.MayMove(UpdateStates.Parse(from), UpdateStates.Parse(to)));

    [Theory]
    [MemberData(nameof(Refused))]
    public void MayMove_BackwardsOrOutOfCommitted_IsRefused(string from, string to) =>
        Assert.False(UpdateStates.MayMove(UpdateStates.Parse(from), UpdateStates.Parse(to)));

    [Fact]
    public void Wire_RoundTripsEveryState()
    {
        foreach (var state in Enum.GetValues<UpdateState>())
        {
            Assert.Equal(state, UpdateStates.Parse(state.ToWire()));
        }

        Assert.False(UpdateStates.TryParse("done", out _));
        Assert.Equal(["committed", "failed", "rolled_back", "aborted"], Enum.GetValues<UpdateState>().Where(s => s.IsFinal()).Select(s => s.ToWire()));
    }
}
