using System.ComponentModel.DataAnnotations;

namespace Hangar.Server.Features.Events;

/// <summary>Section <c>Events</c>.</summary>
internal sealed class EventsOptions
{
    public const string Section = "Events";

    /// <summary>Events older than this are deleted (checked hourly).</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 90;

    /// <summary>
    /// The stream sends an event only once it is this old, so an event whose transaction committed a little after a
    /// younger one's (or on a node whose clock is a little behind) is not skipped. Keep above commit latency and clock skew.
    /// </summary>
    [Range(0, 60_000)]
    public int StreamSettleMilliseconds { get; set; } = 1000;

    /// <summary>How often an idle stream re-reads the table for events committed by other nodes.</summary>
    [Range(50, 60_000)]
    public int StreamPollMilliseconds { get; set; } = 1000;

    /// <summary>A comment line is sent this often on a quiet stream so proxies keep it open.</summary>
    [Range(1, 3600)]
    public int StreamKeepAliveSeconds { get; set; } = 15;
}
