namespace Hangar.Agent.State;

/// <summary>
/// A status report kept until the server acknowledges it. <paramref name="ReportId"/> (UUIDv7) lets the server drop
/// a repeat; <paramref name="Sequence"/> orders reports from one device even when retries arrive late.
/// </summary>
public sealed record QueuedReport(Guid ReportId, long Sequence, ReportStatus Status, string? BinaryId, string? Reason, DateTimeOffset CreatedAt);
