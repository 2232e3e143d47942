using System.Net;
using System.Net.Sockets;

namespace Hangar.EndToEnd.Tests;

/// <summary>
/// Debian's real, unmodified OpenSSH server (<c>sshd -D -e</c>) on a free loopback port, with a host key and one
/// authorized client key generated in a directory of the test, as a device's SSH service behind its agent. It lets
/// the current user (root in CI) log in with that key only.
/// </summary>
internal sealed class OpenSshServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly RunningProcess _sshd;

    private OpenSshServer(RunningProcess sshd, int port, string clientKey)
    {
        _sshd = sshd;
        Port = port;
        ClientKey = clientKey;
    }

    public int Port { get; }

    /// <summary>The private key ssh and scp log in with.</summary>
    public string ClientKey { get; }

    /// <summary>The account to log in as: sshd not running as root can only log in its own user.</summary>
    public static string User => Environment.UserName;

    public string Output => _sshd.Output;

    /// <summary>
    /// The ssh/scp options of every client in the tests: this key only, no prompt, no host key bookkeeping (each run has
    /// a new host key) and no user or system configuration that could change how it connects.
    /// </summary>
    public IReadOnlyList<string> ClientOptions =>
    [
        "-F", "/dev/null", "-i", ClientKey, "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
        "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=60",
    ];

    public static async Task<OpenSshServer> StartAsync(string directory, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(directory);
        var hostKey = Path.Combine(directory, "host_ed25519");
        var clientKey = Path.Combine(directory, "client_ed25519");
        await KeygenAsync(hostKey, cancellationToken);
        await KeygenAsync(clientKey, cancellationToken);
        var authorizedKeys = Path.Combine(directory, "authorized_keys");
        File.Copy(clientKey + ".pub", authorizedKeys);
        // The privilege separation directory the Debian package creates only when its service starts.
        System.IO.Directory.CreateDirectory("/run/sshd");

        var port = FreePort();
        var config = Path.Combine(directory, "sshd_config");
        await File.WriteAllLinesAsync(config,
        [
            $"Port {port}",
            "ListenAddress 127.0.0.1",
            $"HostKey {hostKey}",
            $"AuthorizedKeysFile {authorizedKeys}",
            $"PidFile {Path.Combine(directory, "sshd.pid")}",
            $"AllowUsers {User}",
            "PermitRootLogin prohibit-password",
            "PubkeyAuthentication yes",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            // PAM would need a system service configuration; StrictModes would refuse keys in a temporary directory.
            "UsePAM no",
            "StrictModes no",
            // scp in OpenSSH 9 speaks SFTP.
            "Subsystem sftp internal-sftp",
            // The parallel-session test opens several connections at once; the default starts dropping after 10.
            "MaxStartups 50",
            "LogLevel VERBOSE",
        ], cancellationToken);

        var sshd = RunningProcess.StartProgram("/usr/sbin/sshd", ["-D", "-e", "-f", config]);
        try
        {
            await sshd.WaitForAsync($"Server listening on 127.0.0.1 port {port}", StartTimeout, cancellationToken);
        }
        catch
        {
            await sshd.DisposeAsync();
            throw;
        }

        return new OpenSshServer(sshd, port, clientKey);
    }

    public ValueTask DisposeAsync() => _sshd.DisposeAsync();

    private static async Task KeygenAsync(string path, CancellationToken cancellationToken)
    {
        await using var keygen = RunningProcess.StartProgram("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "hangar-e2e", "-f", path]);
        var exit = await keygen.WaitForExitAsync(cancellationToken);
        Assert.True(exit == 0, $"ssh-keygen exited {exit}:\n{keygen.Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
