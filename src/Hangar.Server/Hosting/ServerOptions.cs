using System.ComponentModel.DataAnnotations;
using Hangar.Server.Hosting.Locks;

namespace Hangar.Server.Hosting;

/// <summary>Where the server listens and keeps its files. Section <c>Server</c>; flags <c>--admin-url</c>, <c>--device-url</c>, <c>--ddi-url</c>, <c>--data</c>.</summary>
internal sealed class ServerOptions
{
    public const string Section = "Server";

    [Required]
    public string AdminUrl { get; set; } = "http://127.0.0.1:4000";

    [Required]
    public string DeviceUrl { get; set; } = "https://0.0.0.0:4001";

    /// <summary>
    /// The optional listener for hawkBit DDI clients that authenticate with target or gateway tokens instead of client
    /// certificates (docs/ddi.md, docs/adr/0013); it serves only the DDI routes. Null: not bound. Flag <c>--ddi-url</c>.
    /// </summary>
    public string? DdiUrl { get; set; }

    [Required]
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Exclusive: a second server on the same data directory refuses to start. Shared: for nodes sharing it on purpose.</summary>
    public DataDirectoryLockMode DataDirectoryLock { get; set; } = DataDirectoryLockMode.Exclusive;

    /// <summary>Extra DNS names or addresses for the self-generated server certificate (devices check it).</summary>
    public List<string> TlsSubjectNames { get; set; } = [];

    /// <summary>Largest request body the admin listener reads; bigger bodies get 413 before they are read.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>
    /// Reverse proxies in front of any listener (IP addresses, or CIDR networks such as <c>10.0.0.0/24</c>): only on a
    /// connection from one of them is <c>X-Forwarded-For</c> read, and the address it appended is the client's for
    /// rate limits, the refused-credential guard, tunnel allow-lists, audit and presence (docs/adr/0015-client-address.md).
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>
    /// Trusted proxies a request passes in a row (a CDN in front of a load balancer: 2): at most this many
    /// <c>X-Forwarded-For</c> entries are read from the right, each only if the hop that appended it is trusted.
    /// </summary>
    [Range(1, 10)]
    public int TrustedProxyHops { get; set; } = 1;

    /// <summary>How long a stopping server lets in-flight requests finish.</summary>
    [Range(1, 600)]
    public int ShutdownTimeoutSeconds { get; set; } = 30;

    public string DataPath(params string[] parts) => Path.Combine([Path.GetFullPath(DataDirectory), .. parts]);
}
