using Hangar.Core.Releases;

namespace Hangar.Server.Features.Fleet;

/// <summary>The <c>outcome</c> label of the release update gauge: final states by name, the rest as in progress.</summary>
internal static class UpdateOutcomeNames
{
    public static string Of(UpdateState state) => state switch
    {
        UpdateState.Committed => "committed",
        UpdateState.Failed => "failed",
        UpdateState.RolledBack => "rolled_back",
        UpdateState.Aborted => "aborted",
        _ => "in_progress",
    };
}
