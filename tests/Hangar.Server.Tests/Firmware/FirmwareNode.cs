using Hangar.Client;
using Hangar.Data;
using Hangar.Data.Tenancy;
using Hangar.Server.Features.Firmware;
using Hangar.Storage;
using Hangar.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Hangar.Server.Tests.Firmware;

/// <summary>
/// A server of one test's own whose clock is a <see cref="FakeTimeProvider"/> started at the real time (so files it
/// writes have modification times that agree with it), with small upload parts. Its blob collector does not run on its
/// own: tests run <see cref="Collector"/> when they mean to.
/// </summary>
internal sealed class FirmwareNode : IAsyncDisposable
{
    private FirmwareNode(HangarTestServer server, FakeTimeProvider time, string apiKey)
    {
        Server = server;
        Time = time;
        ApiKey = apiKey;
    }

    public HangarTestServer Server { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>The owner key of the bootstrap organization (printed by the first node of a database).</summary>
    public string ApiKey { get; }

    public HangarClient Owner => Server.CreateClient(ApiKey);

    public IBlobStore Blobs => Server.Services.GetRequiredService<IBlobStore>();

    public BlobCollector Collector => ActivatorUtilities.CreateInstance<BlobCollector>(Server.Services);

    public string BlobsPath(params string[] parts) => Path.Combine([Server.DataDirectory, "blobs", .. parts]);

    /// <summary>
    /// Starts a node, as a second node of <paramref name="sharing"/> (same database and data directory, as several
    /// servers behind a load balancer share them) when given; <paramref name="services"/> replaces services.
    /// </summary>
    public static async Task<FirmwareNode> StartAsync(DatabaseKind database, FirmwareNode? sharing = null, Action<IServiceCollection>? services = null)
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var configuration = new Dictionary<string, string?>(sharing?.Server.Settings ?? new Dictionary<string, string?>())
        {
            ["Firmware:MinPartBytes"] = "1024",
            // Nodes of one installation share the data directory on purpose.
            ["Server:DataDirectoryLock"] = "Shared",
        };

        var server = await HangarTestServer.StartAsync(database, configuration, collection =>
        {
            collection.RemoveAll<TimeProvider>();
            collection.AddSingleton<TimeProvider>(time);
            foreach (var collector in collection.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(BlobCollector)).ToList())
            {
                collection.Remove(collector);
            }

            services?.Invoke(collection);
        }, TestContext.Current.CancellationToken);
        return new FirmwareNode(server, time, sharing?.ApiKey ?? server.Bootstrap!.ApiKey);
    }

    public async Task<T> WithDatabaseAsync<T>(Func<HangarDbContext, Task<T>> work)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<HangarDbContext>());
    }

    public Task<Data.Firmware.Binary> BinaryAsync(Guid id) =>
        WithDatabaseAsync(db => db.Binaries.IgnoreQueryFilters([TenantFilter.Name]).AsNoTracking().SingleAsync(b => b.Id == id, TestContext.Current.CancellationToken));

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
