using System.Security.Cryptography;
using Hangar.Data;
using Hangar.Server.Features.Firmware;
using Hangar.Server.Hosting;
using Hangar.Server.Hosting.Secrets;
using Hangar.Server.Hosting.Tls;
using Hangar.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Tests.Hosting;

/// <summary>
/// Key material in the database: sealed at rest, agreed on by nodes that create it at the same moment, refused
/// clearly by a node with another key-encryption key, and imported from an older version's data directory.
/// </summary>
public abstract class ServerSecretsTests(DatabaseKind database) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hangar-secrets-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task TwoNodesStartingAtOnceOnAnEmptyDatabase_AgreeOnOneCaCertificateAndDownloadKey()
    {
        var keyFile = Path.Combine(_directory, "secrets.key");
        await File.WriteAllTextAsync(keyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Cancel);
        var shared = new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = database == DatabaseKind.Postgres
                ? await (await SharedPostgres.GetAsync(Cancel)).CreateDatabaseAsync(Cancel)
                : $"Data Source={Path.Combine(_directory, "shared.db")}",
            ["Secrets:KeyFile"] = keyFile,
        };

        var nodes = await Task.WhenAll(NodeAsync("a"), NodeAsync("b"));
        await using var a = nodes[0];
        await using var b = nodes[1];
        // Both asked at once, each on its own data directory: one created, the other read.
        var keys = await Task.WhenAll(Task.Run(() => a.Services.GetRequiredService<DownloadUrlKey>().Bytes), Task.Run(() => b.Services.GetRequiredService<DownloadUrlKey>().Bytes));
        var cas = await Task.WhenAll(Task.Run(() => a.Services.GetRequiredService<ServerCertificateAuthority>().GetOrCreate()), Task.Run(() => b.Services.GetRequiredService<ServerCertificateAuthority>().GetOrCreate()));

        Assert.Equal(keys[0], keys[1]);
        Assert.Equal(cas[0].Thumbprint, cas[1].Thumbprint);
        Assert.Equal(a.Services.GetRequiredService<ServerCertificateStore>().ServerCertificate.Thumbprint,
            b.Services.GetRequiredService<ServerCertificateStore>().ServerCertificate.Thumbprint);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(a.DataDirectory, "tls", "server-ca.crt"), Cancel),
            await File.ReadAllTextAsync(Path.Combine(b.DataDirectory, "tls", "server-ca.crt"), Cancel));

        Task<HangarTestServer> NodeAsync(string name) =>
            HangarTestServer.StartAsync(database, new Dictionary<string, string?>(shared) { ["Server:DataDirectory"] = Directory.CreateDirectory(Path.Combine(_directory, name)).FullName }, Cancel);
    }

    [Fact]
    public async Task GetOrAdd_TwoWritersRacing_BothGetTheFirstWritersValue()
    {
        await using var server = await HangarTestServer.StartAsync(database, cancellationToken: Cancel);
        var both = new Barrier(2);
        ServerSecrets Node() => new(server.Services.GetRequiredService<IServiceScopeFactory>(), server.Services.GetRequiredService<KeyEncryptionKey>(), TimeProvider.System);
        byte[] Create(byte value)
        {
            // Both have seen "no such secret" before either writes.
            both.SignalAndWait(TimeSpan.FromSeconds(30), Cancel);
            return [value];
        }

        var (first, second) = (Node(), Node());
        var results = await Task.WhenAll(Task.Run(() => first.GetOrAdd("race", () => Create(1))), Task.Run(() => second.GetOrAdd("race", () => Create(2))));

        Assert.Equal(results[0], results[1]);
        Assert.Equal(results[0], first.Find("race"));
    }

    [Fact]
    public async Task StoredSecrets_AreSealed_AndANodeWithAnotherKeyIsToldWhichSettingDiffers()
    {
        await using var server = await HangarTestServer.StartAsync(database, cancellationToken: Cancel);
        var key = server.Services.GetRequiredService<DownloadUrlKey>().Bytes;
        await using var scope = server.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<HangarDbContext>().ServerSecrets.SingleAsync(s => s.Name == DownloadUrlKey.SecretName, Cancel);
        Assert.DoesNotContain(Convert.ToHexString(key), Convert.ToHexString(row.Value), StringComparison.Ordinal);
        var kek = server.Services.GetRequiredService<KeyEncryptionKey>();
        Assert.Equal(kek.Id, row.KeyId);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(kek.Path));
        }

        var otherFile = Path.Combine(_directory, "other.key");
        await File.WriteAllTextAsync(otherFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Cancel);
        var otherKey = new KeyEncryptionKey(Options.Create(new SecretsOptions { KeyFile = otherFile }), server.Services.GetRequiredService<IOptions<ServerOptions>>());
        var otherNode = new ServerSecrets(server.Services.GetRequiredService<IServiceScopeFactory>(), otherKey, TimeProvider.System);

        var refused = Assert.Throws<InvalidOperationException>(() => otherNode.Find(DownloadUrlKey.SecretName));
        Assert.Contains("Secrets:KeyFile", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OlderVersionsKeyFiles_AreImported_SoProtectedDataAndDownloadUrlsStayValid()
    {
        // What an older version kept in <data>/keys: the data-protection key ring (unencrypted files) and the URL key.
        var keys = Directory.CreateDirectory(Path.Combine(_directory, "keys")).FullName;
        var urlKey = RandomNumberGenerator.GetBytes(32);
        await File.WriteAllBytesAsync(Path.Combine(keys, "download-urls.key"), urlKey, Cancel);
        string protectedText;
        await using (var older = new ServiceCollection().AddDataProtection().SetApplicationName("hangar").PersistKeysToFileSystem(new DirectoryInfo(keys)).Services.BuildServiceProvider())
        {
            protectedText = older.GetRequiredService<IDataProtectionProvider>().CreateProtector("upgrade").Protect("still readable");
        }

        await using var server = await HangarTestServer.StartAsync(database, new Dictionary<string, string?> { ["Server:DataDirectory"] = _directory }, Cancel);

        Assert.Equal("still readable", server.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("upgrade").Unprotect(protectedText));
        Assert.Equal(urlKey, server.Services.GetRequiredService<DownloadUrlKey>().Bytes);
        Assert.NotEmpty(server.Services.GetRequiredService<ServerSecrets>().List(DatabaseXmlRepository.Prefix));
    }

    public sealed class OnSqlite() : ServerSecretsTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : ServerSecretsTests(DatabaseKind.Postgres);
}
