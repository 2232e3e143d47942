namespace Hangar.Agent.State;

/// <summary>Everything the agent must remember across restarts and power loss. Small: it is rewritten whole each time.</summary>
public sealed record AgentState
{
    public const int CurrentSchema = 2;

    public int Schema { get; init; } = CurrentSchema;

    /// <summary>Incremented by every save; the newest readable copy wins.</summary>
    public long Generation { get; init; }

    /// <summary>What the device runs, as last committed; null until the first update from Hangar (then the factory software is reported).</summary>
    public RunningSoftware? Running { get; init; }

    /// <summary>Installed binaries by binary id. A binary is skipped only when both its id and its metadata digest match.</summary>
    public IReadOnlyDictionary<string, InstalledBinary> Installed { get; init; } = new Dictionary<string, InstalledBinary>(StringComparer.Ordinal);

    /// <summary>An install waiting for its trial boot to be committed or rolled back.</summary>
    public PendingCommit? PendingCommit { get; init; }

    /// <summary>The last update that failed or rolled back, for the retry backoff.</summary>
    public FailedUpdate? LastFailure { get; init; }

    /// <summary>The sequence number the next report gets; never reused, so the server can order reports and drop repeats.</summary>
    public long NextReportSequence { get; init; } = 1;

    /// <summary>Status reports not yet acknowledged by the server, oldest first.</summary>
    public IReadOnlyList<QueuedReport> Reports { get; init; } = [];

    /// <summary>Queues a report with the next sequence number; the caller saves the returned state.</summary>
    public AgentState WithReport(ReportStatus status, UpdateSource update, string? reason, string? detail, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var report = new QueuedReport(Guid.CreateVersion7(now), NextReportSequence, status, update, reason, detail, now);
        return this with { NextReportSequence = NextReportSequence + 1, Reports = [.. Reports, report] };
    }

    /// <summary>Drops reports the server acknowledged (or refused for good).</summary>
    public AgentState WithoutReports(IReadOnlyCollection<Guid> delivered) =>
        this with { Reports = [.. Reports.Where(report => !delivered.Contains(report.ReportId))] };

    /// <summary>The update is what the device runs now: its binaries are installed and its failures forgotten.</summary>
    public AgentState WithCommitted(UpdateSource update, IEnumerable<PlannedBinary> binaries, TimeProvider time)
    {
        var installed = new Dictionary<string, InstalledBinary>(Installed, StringComparer.Ordinal);
        foreach (var binary in binaries)
        {
            installed[binary.BinaryId] = new InstalledBinary(binary.BinaryId, binary.MetadataDigest, binary.Installer, time.GetUtcNow());
        }

        return this with { Installed = installed, Running = update.Running, LastFailure = null };
    }

    /// <summary>Counts a failed or rolled back attempt at <paramref name="update"/> for its retry backoff.</summary>
    public AgentState WithFailure(UpdateSource update, TimeProvider time)
    {
        var attempts = LastFailure is { } last && last.Names(update) ? last.Attempts + 1 : 1;
        return this with { LastFailure = new FailedUpdate(update.Id, update.BundleId, attempts, time.GetUtcNow()) };
    }

    public bool IsInstalled(string binaryId, string metadataDigest) =>
        Installed.TryGetValue(binaryId, out var installed) && installed.MetadataDigest == metadataDigest;
}
