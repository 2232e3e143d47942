using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Hangar.Contracts.Access;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Webhooks;
using Hangar.Data;
using Hangar.Server.Features.Fleet;
using Hangar.Server.Features.Webhooks;
using Hangar.Server.Tests.Fixtures;
using Hangar.Server.Tests.Presence;
using Hangar.Testing.Pki;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Telemetry;

/// <summary>
/// The server's own instruments in the exposition, each after the event that drives it: database commands and their
/// failures, refused credentials by scheme and reason, control sockets, webhook attempts and backlog. Tests of one class
/// run one after another, so counts are compared before and after.
/// </summary>
public abstract class ServerInstrumentsTests(MetricsServer fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DatabaseCommands_AreTimed_AndAFailureIsCountedByKind()
    {
        var before = await ScrapeAsync();
        await using (var scope = fixture.Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE no_such_table SET x = 1", Cancel));
        }

        var after = await ScrapeAsync();

        Assert.True(after.Value("hangar_database_command_duration_seconds_count", "kind=\"query\"", "outcome=\"ok\"") > 0);
        Assert.Equal((before.Value("hangar_database_command_failures_total", "kind=\"other\"") ?? 0) + 1,
            after.Value("hangar_database_command_failures_total", "kind=\"other\""));
        Assert.Equal(1, after.Value("hangar_database_available"));
    }

    [Fact]
    public async Task RefusedApiKeys_AreCountedByReason()
    {
        var tenant = await fixture.NewTenantAsync();
        var revoked = await tenant.Owner.ApiKeys.CreateAsync(new CreateApiKeyRequest("to revoke", "viewer"), cancellationToken: Cancel);
        await tenant.Owner.ApiKeys.RevokeAsync(revoked.Key.Id.ToString(), Cancel);
        var unknown = tenant.OwnerKey[..^1] + (tenant.OwnerKey[^1] == 'a' ? 'b' : 'a');
        var before = await ScrapeAsync();

        foreach (var key in new[] { revoked.Secret, unknown, "not-a-key" })
        {
            using var http = fixture.Server.CreateHttpClient(key);
            using var refused = await http.GetAsync("api/v1/users/me", Cancel);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var after = await ScrapeAsync();
        foreach (var reason in new[] { "revoked", "unknown", "malformed" })
        {
            string[] labels = ["scheme=\"api_key\"", $"reason=\"{reason}\""];
            Assert.Equal((before.Value("hangar_authentication_failures_total", labels) ?? 0) + 1, after.Value("hangar_authentication_failures_total", labels));
        }
    }

    [Fact]
    public async Task RefusedScrapes_AreAuthenticationFailuresToo()
    {
        var before = (await ScrapeAsync()).Value("hangar_authentication_failures_total", "scheme=\"scrape_token\"") ?? 0;
        using (var http = fixture.Server.CreateHttpClient(null))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-scrape-token");
            using var refused = await http.GetAsync("metrics", Cancel);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        Assert.Equal(before + 1, (await ScrapeAsync()).Value("hangar_authentication_failures_total", "scheme=\"scrape_token\"", "reason=\"missing_or_invalid\""));
    }

    [Fact]
    public async Task ControlSockets_AreCountedWhileOpen()
    {
        var tenant = await fixture.NewTenantAsync();
        var leaf = await DeviceWithCertificateAsync(tenant, "socket-counted");
        var before = (await ScrapeAsync()).Value("hangar_presence_sockets");
        Assert.NotNull(before);

        await using (var socket = await DeviceSocket.ConnectAsync(fixture.Server, leaf, Cancel))
        {
            await socket.ReceiveAsync(Cancel);
            Assert.Equal(before + 1, (await ScrapeAsync()).Value("hangar_presence_sockets"));
        }

        await WaitForAsync(async () => (await ScrapeAsync()).Value("hangar_presence_sockets") == before);
    }

    [Fact]
    public async Task WebhookAttempts_AreCountedByOutcome_AndTheBacklogShowsPendingDeliveries()
    {
        var tenant = await fixture.NewTenantAsync();
        // Nothing listens on port 1: the attempt fails and is retried later.
        var webhook = await tenant.Owner.Webhooks.CreateAsync(new CreateWebhookRequest("http://127.0.0.1:1/hook", ["member.removed"]), cancellationToken: Cancel);
        var before = await ScrapeAsync();

        await tenant.Owner.Webhooks.TestFireAsync(webhook.Webhook.Id.ToString(), Cancel);
        await WaitForAsync(async () => (await ScrapeAsync()).Value("hangar_webhook_attempts_total", "outcome=\"retrying\"")
            > (before.Value("hangar_webhook_attempts_total", "outcome=\"retrying\"") ?? 0));
        await using (var scope = fixture.Server.Services.CreateAsyncScope())
        {
            await fixture.Server.Services.GetRequiredService<WebhookBacklog>().RefreshAsync(scope.ServiceProvider.GetRequiredService<HangarDbContext>(), Cancel);
        }

        Assert.True((await ScrapeAsync()).Value("hangar_webhook_deliveries_pending") >= 1);
    }

    [Fact]
    public async Task WebhookAttempts_AreCountedAsSucceeded_AndAsFailedWhenTheEndpointIsGone()
    {
        var tenant = await fixture.NewTenantAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (context, number) =>
        {
            // The first delivery is taken; the second is told the endpoint is gone for good, which fails it at once.
            context.Response.StatusCode = number == 1 ? StatusCodes.Status200OK : StatusCodes.Status410Gone;
            return Task.CompletedTask;
        };
        var webhook = await tenant.Owner.Webhooks.CreateAsync(new CreateWebhookRequest(receiver.Url.ToString(), ["member.removed"]), cancellationToken: Cancel);
        var before = await ScrapeAsync();
        double Count(Exposition exposition, string outcome) =>
            exposition.Value("hangar_webhook_attempts_total", $"outcome=\"{outcome}\"") ?? 0;

        await tenant.Owner.Webhooks.TestFireAsync(webhook.Webhook.Id.ToString(), Cancel);
        await WaitForAsync(async () => Count(await ScrapeAsync(), "succeeded") > Count(before, "succeeded"));
        await tenant.Owner.Webhooks.TestFireAsync(webhook.Webhook.Id.ToString(), Cancel);
        await WaitForAsync(async () => Count(await ScrapeAsync(), "failed") > Count(before, "failed"));
    }

    [Fact]
    public async Task Exposition_NamesNoDevice()
    {
        var tenant = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("bounded"), cancellationToken: Cancel);
        var devices = new List<DeviceResponse>();
        for (var i = 0; i < 3; i++)
        {
            devices.Add(await tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest($"unlabelled-{i}-{Guid.CreateVersion7():N}", product.Id.ToString()), cancellationToken: Cancel));
        }

        var leaf = await DeviceWithCertificateAsync(tenant, $"unlabelled-socket-{Guid.CreateVersion7():N}");
        await using var socket = await DeviceSocket.ConnectAsync(fixture.Server, leaf, Cancel);
        await socket.ReceiveAsync(Cancel);
        using (var http = tenant.OwnerHttp)
        using (await http.GetAsync($"api/v1/devices/{devices[0].Id}", Cancel))
        {
        }

        await fixture.Server.Services.GetRequiredService<FleetSnapshotRefresher>().RefreshAsync(Cancel);

        var exposition = (await ScrapeAsync()).Text;
        Assert.Contains("hangar_fleet_devices{", exposition, StringComparison.Ordinal);
        foreach (var device in devices)
        {
            Assert.DoesNotContain(device.Identifier, exposition, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(device.Id.ToString(), exposition, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(device.Id.ToString("N"), exposition, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain("unlabelled-socket-", exposition, StringComparison.Ordinal);
    }

    private static async Task<System.Security.Cryptography.X509Certificates.X509Certificate2> DeviceWithCertificateAsync(Tenant tenant, string identifier)
    {
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("sockets"), cancellationToken: Cancel);
        var device = await tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest(identifier, product.Id.ToString()), cancellationToken: Cancel);
        var leaf = TestPki.Leaf(TestPki.Root(), identifier);
        await tenant.Owner.DeviceCertificates.CreateAsync(new CreateDeviceCertificateRequest(device.Id.ToString(), TestPki.Pem(leaf)), cancellationToken: Cancel);
        return leaf;
    }

    private Task<Exposition> ScrapeAsync() => Exposition.ScrapeAsync(fixture.Server, Cancel);

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the condition did not hold within 30 s");
            await Task.Delay(100, Cancel);
        }
    }

    public sealed class OnSqlite(MetricsSqliteServer fixture) : ServerInstrumentsTests(fixture), IClassFixture<MetricsSqliteServer>;

    public sealed class OnPostgres(MetricsPostgresServer fixture) : ServerInstrumentsTests(fixture), IClassFixture<MetricsPostgresServer>;
}
