using System.Net.Http.Headers;
using Hangar.Contracts.Common;

namespace Hangar.Client;

/// <summary>
/// The typed Admin API client used by the CLI, the console and the tests. One instance per base address and credential.
/// </summary>
public sealed class HangarClient
{
    public HangarClient(HttpClient http)
    {
        Transport = new ApiTransport(http);
        Organizations = new OrganizationsClient(Transport);
        Members = new MembersClient(Transport);
        ApiKeys = new ApiKeysClient(Transport);
        Audit = new AuditClient(Transport);
        Events = new EventsClient(Transport);
        Webhooks = new WebhooksClient(Transport);
        Users = new UsersClient(Transport);
        Session = new SessionClient(Transport);
        Products = new ProductsClient(Transport);
        Cohorts = new CohortsClient(Transport);
        Devices = new DevicesClient(Transport);
        Telemetry = new TelemetryClient(Transport);
        Fleet = new FleetClient(Transport);
        Ddi = new DdiClient(Transport);
        DeviceCertificates = new DeviceCertificatesClient(Transport);
        CaCertificates = new CaCertificatesClient(Transport);
        Artifacts = new ArtifactsClient(Transport);
        ArtifactVersions = new ArtifactVersionsClient(Transport);
        Binaries = new BinariesClient(Transport);
        SigningKeys = new SigningKeysClient(Transport);
        BinarySignatures = new BinarySignaturesClient(Transport);
        Bundles = new BundlesClient(Transport);
        Releases = new ReleasesClient(Transport);
        BundleOverrides = new BundleOverridesClient(Transport);
        Tunnels = new TunnelsClient(Transport);
        HealthRules = new HealthRulesClient(Transport);
    }

    public ApiTransport Transport { get; }
    public OrganizationsClient Organizations { get; }
    public MembersClient Members { get; }
    public ApiKeysClient ApiKeys { get; }
    public AuditClient Audit { get; }
    public EventsClient Events { get; }
    public WebhooksClient Webhooks { get; }
    public UsersClient Users { get; }
    public SessionClient Session { get; }
    public ProductsClient Products { get; }
    public CohortsClient Cohorts { get; }
    public DevicesClient Devices { get; }
    public TelemetryClient Telemetry { get; }
    public FleetClient Fleet { get; }
    public DdiClient Ddi { get; }
    public DeviceCertificatesClient DeviceCertificates { get; }
    public CaCertificatesClient CaCertificates { get; }
    public ArtifactsClient Artifacts { get; }
    public ArtifactVersionsClient ArtifactVersions { get; }
    public BinariesClient Binaries { get; }
    public SigningKeysClient SigningKeys { get; }
    public BinarySignaturesClient BinarySignatures { get; }
    public BundlesClient Bundles { get; }
    public ReleasesClient Releases { get; }
    public BundleOverridesClient BundleOverrides { get; }
    public TunnelsClient Tunnels { get; }
    public HealthRulesClient HealthRules { get; }

    /// <summary>An HttpClient for <paramref name="baseAddress"/> that sends <paramref name="apiKey"/> (if any) as a bearer token.</summary>
    public static HttpClient CreateHttpClient(Uri baseAddress, string? apiKey, HttpMessageHandler? handler = null)
    {
        // A long-lived client must notice DNS changes, so pooled connections are recycled.
        var http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, disposeHandler: true);
        http.BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        http.Timeout = TimeSpan.FromSeconds(100);
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        http.DefaultRequestHeaders.UserAgent.ParseAdd("hangar-client/1");
        return http;
    }

    public Task<HealthResponse> HealthAsync(CancellationToken cancellationToken = default) =>
        Transport.GetAsync<HealthResponse>("healthz", cancellationToken);
}
