using System.Net;
using System.Text.Json;
using Hangar.Contracts;
using Hangar.Contracts.Control;
using Hangar.Contracts.Telemetry;
using Hangar.Server.Features.Telemetry;
using Hangar.Server.Tests.Fixtures;
using Hangar.Server.Tests.Presence;
using Hangar.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Hangar.Server.Tests.Telemetry;

/// <summary>
/// A node whose writer cannot write (the points table locked by another session): the queue fills, batches that do not
/// fit are refused with 503 and Retry-After, and once the queue has no room for a largest batch they are refused
/// before being read. Nothing accepted is lost: it is written once the lock goes.
/// </summary>
public abstract class TelemetryQueueFullTests(TelemetryQueueFullTests.SmallQueueServer fixture)
{
    private const int Batch = 40;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FullQueue_Refuses_ShedsUnreadBatches_AndLosesNothingAccepted()
    {
        using var device = await TelemetryDevice.CreateAsync(fixture);
        // Creates the device's series first, so what follows needs no write but the writer's.
        Assert.Equal(HttpStatusCode.Accepted, (await SendBatchAsync(device)).StatusCode);
        Assert.Equal(Batch, await device.StoredPointsAsync());
        var queue = fixture.Server.Services.GetRequiredService<TelemetryQueue>();
        // Opened before the lock: connecting records presence, a write of its own.
        await using var socket = await DeviceSocket.ConnectAsync(fixture.Server, device.Device.Leaf, Cancel);
        Assert.Equal(ControlFrameTypes.Hello, (await socket.ReceiveAsync(Cancel)).Type);

        await using (await LockPointsAsync())
        {
            // Capacity 120 = three batches of 40: each fits exactly, the writer holding the first.
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(HttpStatusCode.Accepted, (await SendBatchAsync(device)).StatusCode);
            }

            Assert.Equal(3 * Batch, queue.Depth);

            // Not even read: a body that is not JSON at all gets the queue's answer, not invalid_json.
            using var unread = await device.Device.Http.PostAsync("device/v1/telemetry", Api.Json("{ not json"), Cancel);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, unread.StatusCode);
            Assert.Equal("telemetry_queue_full", (await unread.ProblemAsync()).Code);
            Assert.NotNull(unread.Headers.RetryAfter);
            // The control socket's telemetry frame likewise: a batch that would fail validation is refused for the queue.
            await socket.SendTextAsync("""{"type":"telemetry","data":{"metrics":[{"name":"app.value","value":"1"}]}}""", Cancel);
            var refused = await socket.ReceiveAsync(Cancel);
            Assert.Equal((ControlFrameTypes.TelemetryRefused, "telemetry_queue_full"), (refused.Type, refused.Code));
            Assert.NotNull(refused.Data!.Value.Deserialize(HangarDeviceJsonContext.Default.TelemetryRefusalResponse)!.RetryAfterSeconds);
        }

        // The writer retries (its backoff runs on the fake clock) and stores everything it accepted.
        for (var i = 0; i < 600 && queue.Depth > 0; i++)
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50, Cancel);
        }

        Assert.Equal(4 * Batch, await device.StoredPointsAsync());
        Assert.Equal(HttpStatusCode.Accepted, (await SendBatchAsync(device)).StatusCode);
    }

    private static Task<HttpResponseMessage> SendBatchAsync(TelemetryDevice device) =>
        device.SendAsync([.. Enumerable.Range(0, Batch).Select(j => new MetricPointRequest("app.value", j, device.Now.AddMilliseconds(-j)))]);

    /// <summary>Another session holds the points table, as a long migration or a stuck transaction would.</summary>
    private async Task<IAsyncDisposable> LockPointsAsync()
    {
        if (fixture.Server.Database == DatabaseKind.Sqlite)
        {
            var sqlite = new SqliteConnection($"Data Source={Path.Combine(fixture.Server.DataDirectory, "hangar.db")};Pooling=false");
            await sqlite.OpenAsync(Cancel);
            await using var begin = sqlite.CreateCommand();
            begin.CommandText = "BEGIN EXCLUSIVE";
            await begin.ExecuteNonQueryAsync(Cancel);
            return sqlite;
        }

        var postgres = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(fixture.Server.Settings["Database:ConnectionString"]) { Pooling = false }.ConnectionString);
        await postgres.OpenAsync(Cancel);
        await using var lockTable = new NpgsqlCommand("BEGIN; LOCK TABLE telemetry_points IN EXCLUSIVE MODE", postgres);
        await lockTable.ExecuteNonQueryAsync(Cancel);
        return postgres;
    }

    public abstract class SmallQueueServer(DatabaseKind database) : TelemetryServer(database)
    {
        protected override IReadOnlyDictionary<string, string?> Settings(Dictionary<string, string?> defaults)
        {
            base.Settings(defaults);
            defaults["Telemetry:QueueCapacityPoints"] = "120";
            defaults["Telemetry:PointsPerDeviceBurst"] = "100000";
            defaults["Telemetry:PointsPerDevicePerMinute"] = "100000";
            return defaults;
        }
    }

    public sealed class SmallQueueSqliteServer() : SmallQueueServer(DatabaseKind.Sqlite);

    public sealed class SmallQueuePostgresServer() : SmallQueueServer(DatabaseKind.Postgres);

    public sealed class OnSqlite(SmallQueueSqliteServer fixture) : TelemetryQueueFullTests(fixture), IClassFixture<SmallQueueSqliteServer>;

    public sealed class OnPostgres(SmallQueuePostgresServer fixture) : TelemetryQueueFullTests(fixture), IClassFixture<SmallQueuePostgresServer>;
}
