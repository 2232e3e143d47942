using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Organizations;
using Hangar.Data;
using Hangar.Data.Tunnels;
using Hangar.Server.Features.Tunnels;
using Hangar.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hangar.Server.Tests.Tunnels;

/// <summary>
/// The tunnel sweep's cost: one query a tick whether or not any tunnel is live, counted in the SQL the server logs.
/// Its own server, whose background sweep waits five minutes, so only the test's sweeps run.
/// </summary>
public abstract partial class TunnelSweeperTests(DatabaseKind database)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sweep_IsOneQuery_IdleOrWithLiveTunnels_AndStillClosesTheExpiredAndQuarantined()
    {
        var logs = new CapturedLogs();
        await using var server = await HangarTestServer.StartAsync(database, new Dictionary<string, string?>
        {
            ["Tunnels:SweepSeconds"] = "300",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
        }, services => services.AddSingleton<ILoggerProvider>(logs), Cancel);
        var sweeper = server.Services.GetRequiredService<TunnelSweeper>();

        Assert.Equal(1, await TunnelQueriesAsync(logs, sweeper));

        var created = await server.CreateClient(server.Bootstrap!.ApiKey).Organizations.CreateAsync(new CreateOrganizationRequest("sweep", CreateApiKey: true), cancellationToken: Cancel);
        var owner = server.CreateClient(created.ApiKey!.Secret);
        var product = await owner.Products.CreateAsync(new CreateProductRequest("p"), cancellationToken: Cancel);
        var devices = new List<Guid>();
        foreach (var identifier in new[] { "sweep-live", "sweep-expired", "sweep-quarantined" })
        {
            devices.Add((await owner.Devices.CreateAsync(new CreateDeviceRequest(identifier, product.Id.ToString()), cancellationToken: Cancel)).Id);
        }

        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var live = await AddTunnelAsync(server, created.Organization.Id, devices[0], now.AddHours(1));
        Assert.Equal(1, await TunnelQueriesAsync(logs, sweeper));

        var expired = await AddTunnelAsync(server, created.Organization.Id, devices[1], now.AddSeconds(-1));
        var quarantined = await AddTunnelAsync(server, created.Organization.Id, devices[2], now.AddHours(1));
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
            await db.Devices.IgnoreQueryFilters().Where(d => d.Id == devices[2]).ExecuteUpdateAsync(d => d.SetProperty(x => x.Quarantined, true), Cancel);
        }

        await sweeper.SweepAsync(Cancel);

        Assert.Equal(("open", null), await StateAsync(owner, live));
        Assert.Equal(("closed", "ttl"), await StateAsync(owner, expired));
        Assert.Equal(("closed", "quarantined"), await StateAsync(owner, quarantined));
    }

    /// <summary>The queries of one sweep that read the tunnels table (other background work reads other tables).</summary>
    private static async Task<int> TunnelQueriesAsync(CapturedLogs logs, TunnelSweeper sweeper)
    {
        var before = logs.Entries.Count;
        await sweeper.SweepAsync(Cancel);
        return logs.Entries.Skip(before).Count(e => e.Message.StartsWith("Executed DbCommand", StringComparison.Ordinal) && FromTunnels().IsMatch(e.Message));
    }

    private static async Task<Guid> AddTunnelAsync(HangarTestServer server, Guid organizationId, Guid deviceId, DateTime expiresAt)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        var createdAt = expiresAt.AddHours(-2);
        var tunnel = new Tunnel
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = organizationId,
            DeviceId = deviceId,
            DevicePort = 22,
            CidrAllowlist = "",
            State = TunnelState.Open,
            TokenHash = RandomNumberGenerator.GetBytes(32),
            CreatedAt = createdAt,
            OpenedAt = createdAt,
            ExpiresAt = expiresAt,
            UpdatedAt = createdAt,
        };
        db.Tunnels.Add(tunnel);
        await db.SaveChangesAsync(Cancel);
        return tunnel.Id;
    }

    private static async Task<(string State, string? CloseReason)> StateAsync(Hangar.Client.HangarClient owner, Guid id)
    {
        var tunnel = await owner.Tunnels.GetAsync(id.ToString(), Cancel);
        return (tunnel.State, tunnel.CloseReason);
    }

    [GeneratedRegex(@"FROM ""?tunnels""?\s")]
    private static partial Regex FromTunnels();

    public sealed class OnSqlite() : TunnelSweeperTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : TunnelSweeperTests(DatabaseKind.Postgres);
}
