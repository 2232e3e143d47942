using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Hangar.Testing.Postgres;

// A PostgreSQL server for tests: the one named by HANGAR_TEST_POSTGRES (scripts/test starts one
// for the whole run), or else a throwaway cluster of its own, started the same way as
// scripts/pg-cluster, so a plain `dotnet test` works too when the PostgreSQL binaries are installed.
public sealed class PostgresCluster : IAsyncDisposable
{
    public const string ConnectionStringVariable = "HANGAR_TEST_POSTGRES";

    // A port found free can be taken by someone else before the server binds it.
    private const int StartAttempts = 5;

    private readonly string? _binDirectory;
    private readonly string? _directory;

    private PostgresCluster(string adminConnectionString, string? binDirectory, string? directory)
    {
        AdminConnectionString = adminConnectionString;
        _binDirectory = binDirectory;
        _directory = directory;
    }

    public string AdminConnectionString { get; }

    // initdb and postgres refuse to run as root, so as root they run as the postgres user.
    private static bool RunsAsRoot => OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess;

    public static async Task<PostgresCluster> StartAsync(CancellationToken cancellationToken = default)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return new PostgresCluster(fromEnvironment, binDirectory: null, directory: null);
        }

        return await StartPrivateAsync(cancellationToken);
    }

    /// <summary>
    /// A cluster of the caller's own even when a shared one is configured, for tests that stop and start the server
    /// (<see cref="StopServerAsync"/>); never stop the shared one, other tests use it.
    /// </summary>
    public static async Task<PostgresCluster> StartPrivateAsync(CancellationToken cancellationToken = default)
    {
        var binDirectory = FindBinDirectory() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found in /usr/lib/postgresql/*/bin or on PATH. " +
            $"Run ./scripts/install-test-deps, or set {ConnectionStringVariable} to a server's connection string.");

        var directory = Directory.CreateTempSubdirectory("hangar-pg.").FullName;
        try
        {
            if (RunsAsRoot)
            {
                await RunAsync("chown", ["postgres:", directory], asServerOwner: false, cancellationToken);
            }

            await RunToolAsync(
                binDirectory,
                "initdb",
                ["-D", DataDirectory(directory), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync", "--no-instructions"],
                cancellationToken);
            var port = await StartServerAsync(binDirectory, directory, cancellationToken);
            var connectionString = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = port,
                Username = "postgres",
                Database = "postgres",
            }.ConnectionString;
            return new PostgresCluster(connectionString, binDirectory, directory);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        // A fixed prefix and hex digits: safe to put into the statement, which takes no parameters.
        var name = "hangar_test_" + Guid.CreateVersion7().ToString("N");
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Stops this cluster's server as a crash would (its data stays); only for a cluster of <see cref="StartPrivateAsync"/>.</summary>
    public Task StopServerAsync(CancellationToken cancellationToken = default) =>
        RunToolAsync(OwnBinDirectory, "pg_ctl", ["-D", DataDirectory(_directory!), "-m", "immediate", "-w", "stop"], cancellationToken);

    /// <summary>Starts a stopped server again on the port it had, so connection strings stay valid.</summary>
    public Task StartServerAgainAsync(CancellationToken cancellationToken = default)
    {
        var port = new NpgsqlConnectionStringBuilder(AdminConnectionString).Port;
        return RunToolAsync(OwnBinDirectory, "pg_ctl",
            [
                "-D", DataDirectory(_directory!), "-l", Path.Combine(_directory!, "postgres.log"), "-w", "-t", "60",
                "-o", string.Create(CultureInfo.InvariantCulture, $"-p {port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=500"),
                "start",
            ],
            cancellationToken);
    }

    private string OwnBinDirectory => _binDirectory ?? throw new InvalidOperationException("Only a cluster of this test's own may be stopped and started.");

    public async ValueTask DisposeAsync()
    {
        if (_binDirectory is null || _directory is null)
        {
            return;
        }

        try
        {
            // Immediate mode skips the shutdown checkpoint; the data is deleted right after.
            await RunToolAsync(_binDirectory, "pg_ctl", ["-D", DataDirectory(_directory), "-m", "immediate", "-w", "stop"], CancellationToken.None);
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static string DataDirectory(string directory) => Path.Combine(directory, "data");

    private static async Task<int> StartServerAsync(string binDirectory, string directory, CancellationToken cancellationToken)
    {
        var logFile = Path.Combine(directory, "postgres.log");
        for (var attempt = 1; ; attempt++)
        {
            var port = FindFreePort();
            try
            {
                await RunToolAsync(
                    binDirectory,
                    "pg_ctl",
                    [
                        "-D", DataDirectory(directory), "-l", logFile, "-w", "-t", "60",
                        "-o", string.Create(CultureInfo.InvariantCulture, $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=500"),
                        "start",
                    ],
                    cancellationToken);
                return port;
            }
            catch (InvalidOperationException) when (attempt < StartAttempts && PortWasTaken(logFile))
            {
                // pg_ctl appends to the log; a fresh one keeps the next check about the next attempt.
                File.Delete(logFile);
            }
        }
    }

    private static bool PortWasTaken(string logFile) =>
        File.Exists(logFile) && File.ReadAllText(logFile).Contains("could not bind", StringComparison.Ordinal);

    private static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunToolAsync(
        string binDirectory, string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(Path.Combine(binDirectory, tool), arguments, asServerOwner: RunsAsRoot, cancellationToken);

    private static async Task RunAsync(
        string fileName, IReadOnlyList<string> arguments, bool asServerOwner, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(asServerOwner ? "runuser" : fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] allArguments = asServerOwner ? ["-u", "postgres", "--", fileName, .. arguments] : [.. arguments];
        foreach (var argument in allArguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {startInfo.FileName}.");
        // Both streams are read while waiting: a child blocked on a full pipe would never exit.
        var standardOutput = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var standardError = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var output = await standardOutput + await standardError;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', arguments)} exited with code {process.ExitCode}:{Environment.NewLine}{output}");
        }
    }

    private static string? FindBinDirectory()
    {
        const string DebianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(DebianRoot))
        {
            // Debian installs each major version side by side; take the newest.
            var newest = Directory.EnumerateDirectories(DebianRoot)
                .Where(directory => File.Exists(Path.Combine(directory, "bin", "initdb")))
                .OrderByDescending(directory => int.TryParse(Path.GetFileName(directory), CultureInfo.InvariantCulture, out var major) ? major : -1)
                .Select(directory => Path.Combine(directory, "bin"))
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(directory =>
                File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl")));
    }
}
