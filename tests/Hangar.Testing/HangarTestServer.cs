using System.Security.Cryptography.X509Certificates;
using Hangar.Client;
using Hangar.Server;
using Hangar.Server.Features.Bootstrap;
using Hangar.Server.Hosting.Listeners;
using Hangar.Server.Hosting.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Hangar.Testing;

/// <summary>
/// The real server, in process, on real Kestrel listeners bound to 127.0.0.1:0, with its own data directory and
/// (for PostgreSQL) its own database. The bootstrap credentials it printed are captured for the tests.
/// </summary>
public sealed class HangarTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataDirectory;
    private readonly bool _ownsDataDirectory;

    private HangarTestServer(WebApplication app, string dataDirectory, bool ownsDataDirectory, DatabaseKind database, BootstrapCredentials? credentials)
    {
        _app = app;
        _dataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
        Database = database;
        Bootstrap = credentials;
        var listeners = app.Services.GetRequiredService<ListenerRegistry>();
        AdminBaseAddress = listeners.BaseAddress(ListenerKind.Admin);
        DeviceBaseAddress = listeners.BaseAddress(ListenerKind.Device);
    }

    public DatabaseKind Database { get; }
    public Uri AdminBaseAddress { get; }
    public Uri DeviceBaseAddress { get; }
    /// <summary>What the first start printed; null when the data directory was already set up (nothing is printed twice).</summary>
    public BootstrapCredentials? Bootstrap { get; }

    /// <summary>The configuration the server was started with (data directory, connection string...), to start it again.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; private init; } = new Dictionary<string, string?>();

    /// <summary>Everything the server wrote to its bootstrap output.</summary>
    public string BootstrapOutput { get; private init; } = "";
    public IServiceProvider Services => _app.Services;
    public string DataDirectory => _dataDirectory;

    /// <summary>
    /// The certificate (with its private key) the device listener presents: kept in the database since several nodes
    /// share it, so benchmarks that serve the same certificate from nginx read it here rather than from a file.
    /// </summary>
    public X509Certificate2 ServerCertificate => _app.Services.GetRequiredService<ServerCertificateStore>().ServerCertificate;

    /// <summary>Starts a server. <paramref name="settings"/> override configuration keys such as <c>RateLimits:PerApiKeyPerMinute</c>.</summary>
    public static Task<HangarTestServer> StartAsync(
        DatabaseKind database, IReadOnlyDictionary<string, string?>? settings = null, CancellationToken cancellationToken = default) =>
        StartAsync(database, settings, services: null, cancellationToken);

    /// <summary>
    /// Starts a server; <paramref name="services"/> replaces services after the server registered its own (e.g. a
    /// FakeTimeProvider as the TimeProvider).
    /// </summary>
    public static async Task<HangarTestServer> StartAsync(
        DatabaseKind database,
        IReadOnlyDictionary<string, string?>? settings,
        Action<IServiceCollection>? services,
        CancellationToken cancellationToken = default)
    {
        var ownsDataDirectory = settings?.ContainsKey("Server:DataDirectory") != true;
        var dataDirectory = ownsDataDirectory ? Directory.CreateTempSubdirectory("hangar-test-").FullName : settings!["Server:DataDirectory"]!;
        var configuration = new Dictionary<string, string?>
        {
            ["Server:AdminUrl"] = "http://127.0.0.1:0",
            ["Server:DeviceUrl"] = "https://127.0.0.1:0",
            ["Server:DataDirectory"] = dataDirectory,
            // Tests sign in often; production strength is checked by its own test through the hasher.
            ["Access:PasswordIterations"] = "1000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        };
        if (database == DatabaseKind.Postgres)
        {
            configuration["Database:Provider"] = "Postgres";
        }

        if (database == DatabaseKind.Postgres && settings?.ContainsKey("Database:ConnectionString") != true)
        {
            var cluster = await SharedPostgres.GetAsync(cancellationToken);
            configuration["Database:Provider"] = "Postgres";
            configuration["Database:ConnectionString"] = await cluster.CreateDatabaseAsync(cancellationToken);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var output = new StringWriter();
        // The server's name, not the test assembly's: the console's static web asset lists are named after it
        // (hangar-server.staticwebassets.*.json, copied next to every test assembly that references the server).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = "hangar-server",
            ContentRootPath = dataDirectory,
            EnvironmentName = "Testing",
        });
        // Before the server's registration as well as after it: what is decided while registering (whether to export
        // OTLP) reads the configuration then, as it does in production; the copy added last wins over HANGAR_ variables.
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddHangarServer([]);
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.ClearProviders();
        builder.Services.RemoveAll<BootstrapOutput>();
        builder.Services.AddSingleton(new BootstrapOutput(output));
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseHangarServer();
        await app.StartAsync(cancellationToken);
        var printed = output.ToString();
        var credentials = printed.Contains("api key:", StringComparison.Ordinal) ? BootstrapCredentials.Parse(printed) : null;
        return new HangarTestServer(app, dataDirectory, ownsDataDirectory, database, credentials) { BootstrapOutput = printed, Settings = configuration };
    }

    /// <summary>A typed client on the admin listener; without a key it is anonymous.</summary>
    public HangarClient CreateClient(string? apiKey) => new(CreateHttpClient(apiKey));

    public HttpClient CreateHttpClient(string? apiKey, HttpMessageHandler? handler = null) =>
        HangarClient.CreateHttpClient(AdminBaseAddress, apiKey, handler);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (!_ownsDataDirectory)
        {
            return;
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled SQLite connection; the temp directory is cleaned by the OS.
        }
    }
}
