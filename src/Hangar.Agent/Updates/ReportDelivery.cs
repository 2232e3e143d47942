namespace Hangar.Agent.Updates;

/// <summary>What became of one status report sent to the server.</summary>
/// <param name="Code">The server's stable error code when it refused the report (e.g. <c>update_aborted</c>).</param>
public sealed record ReportDelivery(ReportDeliveryKind Kind, string? Code, string Message)
{
    /// <summary>The server stopped the rollout: the device should stop working on the update.</summary>
    public bool Aborted => Code == "update_aborted";
}
