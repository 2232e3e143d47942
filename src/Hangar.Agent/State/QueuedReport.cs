namespace Hangar.Agent.State;

/// <summary>
/// A status report kept until the server acknowledges it. <paramref name="ReportId"/> (UUIDv7) lets the server drop
/// a repeat; <paramref name="Sequence"/> orders reports from one device even when retries arrive late.
/// </summary>
/// <param name="Reason">Why an update failed or was rolled back (at most 512 characters reach the server).</param>
/// <param name="Detail">What happened, for the report's log tail (at most 4,096 characters reach the server).</param>
/// <param name="Retryable">A <c>failed</c> the agent tries again by itself (an install cut by a restart): the server does not count it as a terminal failure.</param>
public sealed record QueuedReport(
    Guid ReportId, long Sequence, ReportStatus Status, UpdateSource Update, string? Reason, string? Detail, DateTimeOffset CreatedAt, bool Retryable = false);
