using System.ComponentModel.DataAnnotations;

namespace Hangar.Server.Features.Webhooks;

/// <summary>Section <c>Webhooks</c>.</summary>
internal sealed class WebhooksOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// Networks (CIDR, e.g. <c>10.20.0.0/16</c>, <c>127.0.0.1/32</c>) deliveries may reach although they are loopback,
    /// private, link-local or otherwise internal. Empty by default: webhooks reach public addresses only.
    /// </summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>Refuse <c>http://</c> URLs. Turn off only for receivers on a trusted network.</summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>Per attempt: connect, send and the response headers.</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 15;

    /// <summary>At most this many deliveries in flight to one endpoint from one node.</summary>
    [Range(1, 100)]
    public int MaxConcurrencyPerEndpoint { get; set; } = 4;

    /// <summary>At most this many deliveries in flight from one node.</summary>
    [Range(1, 10_000)]
    public int MaxConcurrency { get; set; } = 64;

    /// <summary>At most this much of a response body is read (then the connection is dropped).</summary>
    [Range(0, 16 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// After this many consecutive deliveries refused because the host resolved to a refused address (on one node),
    /// the webhook is disabled with <c>disabled_reason: address_refused</c>. Such a delivery is never retried.
    /// </summary>
    [Range(1, 100)]
    public int AddressRefusalsToDisable { get; set; } = 3;

    /// <summary>A failing delivery is retried, with growing delays, for this long before it is given up.</summary>
    [Range(1, 24 * 30)]
    public int RetryWindowHours { get; set; } = 72;

    /// <summary>How often the dispatcher looks for work committed by other nodes and for retries that fell due.</summary>
    [Range(50, 60_000)]
    public int PollMilliseconds { get; set; } = 1000;
}
