using Hangar.Contracts.Webhooks;
using Hangar.Server.Tests.Firmware;
using Hangar.Server.Tests.Fixtures;
using Hangar.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hangar.Server.Tests.Hosting;

/// <summary>
/// Nothing secret reaches the server's logs even at the most verbose level: webhook deliveries name the host only
/// (secrets live in webhook paths and queries), failed attempts are one line without a stack trace, and neither API
/// keys nor download-URL tokens appear, in messages or in scopes.
/// </summary>
public abstract class SecretLoggingTests(DatabaseKind database)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WebhookDeliveries_LogTheHostOnly_AndFailuresWithoutStackTraces()
    {
        var logs = new CapturedLogs();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (context, n) =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        };
        await using var server = await StartAsync(logs);
        var owner = server.CreateClient(server.Bootstrap!.ApiKey);
        var url = new Uri(receiver.Url, "/services/T0SECRET/B0SECRET/PathSecret?token=QuerySecret");
        var failing = await owner.Webhooks.CreateAsync(new CreateWebhookRequest(url.ToString(), ["member.removed"]), cancellationToken: Cancel);
        var refused = await owner.Webhooks.CreateAsync(new CreateWebhookRequest("http://127.0.0.1:1/services/RefusedSecret", ["member.removed"]), cancellationToken: Cancel);

        await owner.Webhooks.TestFireAsync(failing.Webhook.Id.ToString(), Cancel);
        await owner.Webhooks.TestFireAsync(refused.Webhook.Id.ToString(), Cancel);
        await receiver.NextAsync();
        await WaitForAsync(logs, () => logs.Entries.Count(e => e.Message.StartsWith("Webhook delivery", StringComparison.Ordinal)) >= 2);

        Assert.Contains(logs.Entries, e => e.Message.Contains($"to 127.0.0.1:{receiver.Url.Port}: the endpoint answered 500", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Message.Contains("to 127.0.0.1:1: ", StringComparison.Ordinal));
        foreach (var secret in new[] { "SECRET", "PathSecret", "QuerySecret", "RefusedSecret", failing.Secret, refused.Secret })
        {
            Assert.DoesNotContain(logs.Entries, e => e.Text.Contains(secret, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(logs.Entries, e => e.Exception is not null && e.Level < LogLevel.Error);
    }

    [Fact]
    public async Task DownloadsAndApiCalls_NeverLogTheirTokens()
    {
        var logs = new CapturedLogs();
        await using var server = await StartAsync(logs);
        var key = server.Bootstrap!.ApiKey;
        var owner = server.CreateClient(key);
        var binary = await FirmwareBuilder.SignedAsync(owner, FirmwareBuilder.Bytes(3000));
        var url = await owner.Binaries.GetDownloadUrlAsync(binary.Id.ToString(), Cancel);
        var token = url.Url[(url.Url.LastIndexOf('/') + 1)..];
        using var anonymous = server.CreateHttpClient(null);

        Assert.Equal(3000, (await anonymous.GetByteArrayAsync(url.Url, Cancel)).Length);
        using var refused = await anonymous.GetAsync(url.Url + "x", Cancel);

        Assert.NotEmpty(logs.Entries);
        Assert.DoesNotContain(logs.Entries, e => e.Text.Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Text.Contains(key, StringComparison.Ordinal));
    }

    private Task<HangarTestServer> StartAsync(CapturedLogs logs)
    {
        var settings = WebhookServer.WebhookSettings;
        settings["Logging:LogLevel:Default"] = "Trace";
        settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        settings["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace";
        settings["Logging:LogLevel:System.Net.Http"] = "Trace";
        settings["Firmware:MinPartBytes"] = "1024";
        return HangarTestServer.StartAsync(database, settings, services => services.AddSingleton<ILoggerProvider>(logs), Cancel);
    }

    private static async Task WaitForAsync(CapturedLogs logs, Func<bool> condition)
    {
        for (var attempt = 0; !condition(); attempt++)
        {
            Assert.True(attempt < 200, $"not logged in time; logged: {string.Join(Environment.NewLine, logs.Entries.Select(e => e.Text))}");
            await Task.Delay(100, Cancel);
        }
    }

    public sealed class OnSqlite() : SecretLoggingTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : SecretLoggingTests(DatabaseKind.Postgres);
}
