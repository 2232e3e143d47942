using Hangar.Contracts.Common;

namespace Hangar.Agent.Updates;

/// <summary>What became of one status report sent to the server.</summary>
/// <param name="Code">The server's stable error code when it refused the report (e.g. <c>update_aborted</c>).</param>
/// <param name="Detail">The problem's detail, when it had one.</param>
public sealed record ReportDelivery(ReportDeliveryKind Kind, string? Code, string Message, string? Detail = null)
{
    /// <summary>The server stopped the update (its release was halted or rolled back): the device must stop working on it.</summary>
    public bool Aborted => Code == ErrorCodes.UpdateAborted;
}
