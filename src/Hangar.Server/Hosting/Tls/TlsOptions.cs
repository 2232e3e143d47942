using System.ComponentModel.DataAnnotations;

namespace Hangar.Server.Hosting.Tls;

/// <summary>Section <c>Tls</c>: how the server keeps its TLS certificate (<c>&lt;data&gt;/tls/server.crt</c>) current.</summary>
internal sealed class TlsOptions
{
    public const string Section = "Tls";

    /// <summary>How often the certificate files are checked for a replacement (also on SIGHUP at once).</summary>
    [Range(1, 3600)]
    public int ReloadCheckSeconds { get; set; } = 10;

    /// <summary>
    /// A configured certificate this close to its expiry is logged as a warning (daily) and reported by health; a
    /// self-generated one is re-issued by the server CA instead.
    /// </summary>
    [Range(1, 365)]
    public int ExpiryWarningDays { get; set; } = 30;
}
