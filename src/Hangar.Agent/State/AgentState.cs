namespace Hangar.Agent.State;

/// <summary>Everything the agent must remember across restarts and power loss. Small: it is rewritten whole each time.</summary>
public sealed record AgentState
{
    /// <summary>3: what each install target holds (<see cref="Contents"/>). 2 kept a list of binaries ever installed (see <see cref="StateStore"/>).</summary>
    public const int CurrentSchema = 3;

    public int Schema { get; init; } = CurrentSchema;

    /// <summary>Incremented by every save; the newest readable copy wins.</summary>
    public long Generation { get; init; }

    /// <summary>What the device runs, as last committed; null until the first update from Hangar (then the factory software is reported).</summary>
    public RunningSoftware? Running { get; init; }

    /// <summary>
    /// What each install target holds now, by target (e.g. <c>slot:b/app.bin</c>, <c>rauc:rootfs</c>). A record is
    /// removed when an install into its target starts and written when the install ends with the target holding the
    /// binary, so it never claims content the target may not hold. A binary is "already installed" only when the
    /// target it runs from holds exactly it.
    /// </summary>
    public IReadOnlyDictionary<string, HeldContent> Contents { get; init; } = new Dictionary<string, HeldContent>(StringComparer.Ordinal);

    /// <summary>The update being downloaded, until its install starts or it ends: stopped and reported <c>aborted</c> when a check no longer offers it.</summary>
    public UpdateSource? InProgress { get; init; }

    /// <summary>An install waiting for its trial boot to be committed or rolled back.</summary>
    public PendingCommit? PendingCommit { get; init; }

    /// <summary>The last update that failed or rolled back, for the retry backoff.</summary>
    public FailedUpdate? LastFailure { get; init; }

    /// <summary>The sequence number the next report gets; never reused, so the server can order reports and drop repeats.</summary>
    public long NextReportSequence { get; init; } = 1;

    /// <summary>Status reports not yet acknowledged by the server, oldest first.</summary>
    public IReadOnlyList<QueuedReport> Reports { get; init; } = [];

    /// <summary>Queues a report with the next sequence number; the caller saves the returned state.</summary>
    public AgentState WithReport(ReportStatus status, UpdateSource update, string? reason, string? detail, TimeProvider time, bool retryable = false)
    {
        var now = time.GetUtcNow();
        var report = new QueuedReport(Guid.CreateVersion7(now), NextReportSequence, status, update, reason, detail, now, retryable);
        return this with { NextReportSequence = NextReportSequence + 1, Reports = [.. Reports, report] };
    }

    /// <summary>Drops reports the server acknowledged (or refused for good).</summary>
    public AgentState WithoutReports(IReadOnlyCollection<Guid> delivered) =>
        this with { Reports = [.. Reports.Where(report => !delivered.Contains(report.ReportId))] };

    /// <summary>The update is what the device runs now: each binary's target holds it, and its failures are forgotten.</summary>
    public AgentState WithCommitted(UpdateSource update, IEnumerable<PlannedBinary> binaries, TimeProvider time) =>
        WithContents(binaries, time) with { Running = update.Running, LastFailure = null, InProgress = null };

    /// <summary>An install into these binaries' targets starts: until it ends, nobody can say what they hold.</summary>
    public AgentState WithInstallStarting(IEnumerable<PlannedBinary> binaries)
    {
        var contents = new Dictionary<string, HeldContent>(Contents, StringComparer.Ordinal);
        foreach (var binary in binaries)
        {
            if (binary.Target is { } target)
            {
                contents.Remove(target);
            }
        }

        return this with { Contents = contents, InProgress = null };
    }

    /// <summary>
    /// The trial was rolled back: the running slot is the old one again, while the inactive slot still holds what
    /// was written into it. Other targets are left without a record (the install ran; what they hold is not known).
    /// </summary>
    public AgentState WithRolledBack(UpdateSource update, IEnumerable<PlannedBinary> binaries, TimeProvider time) =>
        WithContents(binaries.Where(binary => binary.IntoInactiveSlot), time).WithFailure(update, time);

    /// <summary>Counts a failed or rolled back attempt at <paramref name="update"/> for its retry backoff.</summary>
    public AgentState WithFailure(UpdateSource update, TimeProvider time) => WithAttempt(update, time, interrupted: false);

    /// <summary>Ends the pending install a restart cut short and counts it: retried at once the first time, then backing off.</summary>
    public AgentState WithInterruption(UpdateSource update, TimeProvider time) => WithAttempt(update, time, interrupted: true) with { PendingCommit = null };

    private AgentState WithAttempt(UpdateSource update, TimeProvider time, bool interrupted)
    {
        var attempts = LastFailure is { } last && last.Names(update) ? last.Attempts + 1 : 1;
        return this with { LastFailure = new FailedUpdate(update.Id, update.BundleId, attempts, time.GetUtcNow(), interrupted), InProgress = null };
    }

    /// <summary>Whether <paramref name="target"/> holds exactly this binary now.</summary>
    public bool Holds(string target, string binaryId, string sha256, string metadataDigest) =>
        Contents.TryGetValue(target, out var held) && held.Is(binaryId, sha256, metadataDigest);

    private AgentState WithContents(IEnumerable<PlannedBinary> binaries, TimeProvider time)
    {
        var contents = new Dictionary<string, HeldContent>(Contents, StringComparer.Ordinal);
        foreach (var binary in binaries)
        {
            if (binary.Content(time.GetUtcNow()) is { } content)
            {
                contents[binary.Target!] = content;
            }
        }

        return this with { Contents = contents };
    }
}
