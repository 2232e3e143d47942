using System.Net;
using System.Security.Cryptography;
using System.Text;
using Hangar.Agent.Hosting;
using Hangar.Agent.Updates;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Agent.Tests.Updates;

/// <summary>
/// A download URL the server refuses (expired, or invalidated while the answer's tag stayed the same: a replaced
/// signing key) does not leave the device retrying it: the next check asks for a whole answer, with fresh URLs.
/// </summary>
public sealed class RefusedDownloadTests : IAsyncLifetime
{
    private const string SlotMetadata = """{"hangar": {"installer": "slot", "options": {"name": "app.bin"}}}""";
    private AgentFleet _fleet = null!;

    public async ValueTask InitializeAsync() => _fleet = await AgentFleet.StartAsync();

    public async ValueTask DisposeAsync() => await _fleet.DisposeAsync();

    [Fact]
    public async Task Check_AfterTheServerRefusedADownloadUrl_AsksWithoutTheETag_AndTheUpdateGoesOn()
    {
        var (_, config) = await _fleet.DeviceAsync("dev-refused-url");
        await _fleet.ReleaseAsync("2.0.0", await _fleet.BinaryAsync(RandomNumberGenerator.GetBytes(3000), SlotMetadata));
        var traffic = new Traffic();
        await using var agent = BootedAgent.Boot(config, services =>
            services.AddHttpClient(AgentServices.DeviceHttpClient).AddHttpMessageHandler(() => new RefuseFirstDownload(traffic)));

        Assert.Equal(UpdateRunOutcome.Interrupted, await agent.CheckAsync());
        Assert.Equal(UpdateRunOutcome.RebootRequested, await agent.CheckAsync());

        Assert.Equal([false, false], traffic.ChecksWithETag);
        Assert.Equal(2, traffic.Downloads);
    }

    private sealed class Traffic
    {
        public List<bool> ChecksWithETag { get; } = [];

        public int Downloads { get; set; }
    }

    /// <summary>Answers the first download as the server answers a URL it no longer accepts; records what the checks send.</summary>
    private sealed class RefuseFirstDownload(Traffic traffic) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (path.EndsWith("/device/v1/update", StringComparison.Ordinal))
            {
                traffic.ChecksWithETag.Add(request.Headers.Contains("If-None-Match"));
            }
            else if (path.Contains("/binary_downloads/", StringComparison.Ordinal) && ++traffic.Downloads == 1)
            {
                return new HttpResponseMessage(HttpStatusCode.Unauthorized)
                {
                    Content = new StringContent("""{"status": 401, "code": "download_url_expired"}""", Encoding.UTF8, "application/problem+json"),
                };
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
