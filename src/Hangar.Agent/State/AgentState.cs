namespace Hangar.Agent.State;

/// <summary>Everything the agent must remember across restarts and power loss. Small: it is rewritten whole each time.</summary>
public sealed record AgentState
{
    public const int CurrentSchema = 1;

    public int Schema { get; init; } = CurrentSchema;

    /// <summary>Incremented by every save; the newest readable copy wins.</summary>
    public long Generation { get; init; }

    /// <summary>Installed binaries by binary id. A binary is skipped only when both its id and its metadata digest match.</summary>
    public IReadOnlyDictionary<string, InstalledBinary> Installed { get; init; } = new Dictionary<string, InstalledBinary>(StringComparer.Ordinal);

    /// <summary>An install waiting for its trial boot to be committed or rolled back.</summary>
    public PendingCommit? PendingCommit { get; init; }

    /// <summary>The sequence number the next report gets; never reused, so the server can order reports and drop repeats.</summary>
    public long NextReportSequence { get; init; } = 1;

    /// <summary>Status reports not yet acknowledged by the server, oldest first.</summary>
    public IReadOnlyList<QueuedReport> Reports { get; init; } = [];

    /// <summary>Queues a report with the next sequence number; the caller saves the returned state.</summary>
    public AgentState WithReport(ReportStatus status, string? binaryId, string? reason, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var report = new QueuedReport(Guid.CreateVersion7(now), NextReportSequence, status, binaryId, reason, now);
        return this with { NextReportSequence = NextReportSequence + 1, Reports = [.. Reports, report] };
    }

    /// <summary>Drops reports the server acknowledged.</summary>
    public AgentState WithoutReports(IReadOnlyCollection<Guid> acknowledged) =>
        this with { Reports = [.. Reports.Where(report => !acknowledged.Contains(report.ReportId))] };

    public AgentState WithInstalled(InstalledBinary binary) =>
        this with { Installed = new Dictionary<string, InstalledBinary>(Installed, StringComparer.Ordinal) { [binary.BinaryId] = binary } };

    public bool IsInstalled(string binaryId, string metadataDigest) =>
        Installed.TryGetValue(binaryId, out var installed) && installed.MetadataDigest == metadataDigest;
}
