using Hangar.Contracts.Common;
using Hangar.Core.Releases;

namespace Hangar.Server.Tests.Releases;

/// <summary>Core names the graph rules' codes and Contracts publishes them to clients: the two lists must agree.</summary>
public sealed class ReleaseErrorCodesTests
{
    [Fact]
    public void GraphRuleCodes_AreThePublishedErrorCodes()
    {
        Assert.Equal(ReleaseGraphRules.Cycle, ErrorCodes.ReleaseGraphCycle);
        Assert.Equal(ReleaseGraphRules.DanglingNext, ErrorCodes.ReleaseGraphDanglingNext);
        Assert.Equal(ReleaseGraphRules.SeveralLatest, ErrorCodes.ReleaseGraphSeveralLatest);
        Assert.Equal(ReleaseGraphRules.ConstrainedBeforeLatest, ErrorCodes.ReleaseGraphConstrainedBeforeLatest);
        Assert.Equal(ReleaseGraphRules.SeveralPhased, ErrorCodes.ReleaseGraphSeveralPhased);
        Assert.Equal(ReleaseGraphRules.InvalidPhase, ErrorCodes.ReleaseInvalidPhase);
        Assert.Equal(ReleaseGraphEdit.NotInCohort, ErrorCodes.ReleaseNotInCohort);
        Assert.Equal(ReleaseGraphEdit.NotAdjacent, ErrorCodes.ReleasesNotAdjacent);
    }
}
