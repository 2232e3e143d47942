using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Hangar.Bench;

/// <summary>
/// nginx as a child process, for comparison: a generated configuration in a temp directory, with one <c>server</c>
/// block that the caller writes for a free loopback port (and any files it needs, in the same directory).
/// </summary>
internal sealed class NginxServer : IAsyncDisposable
{
    private static readonly string[] Locations = ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"];
    private readonly Process _process;
    private readonly DirectoryInfo _directory;

    private NginxServer(Process process, DirectoryInfo directory, IPEndPoint endpoint)
    {
        _process = process;
        _directory = directory;
        Endpoint = endpoint;
    }

    public IPEndPoint Endpoint { get; }

    /// <summary>CPU used by the master and its workers so far.</summary>
    public TimeSpan Cpu => CpuClock.Tree(_process.Id);

    /// <summary>
    /// Mutual TLS with <c>ssl_verify_client on</c> against the given CA and a tiny <c>return 200</c>, one worker per
    /// core. Session caches and tickets are off, as on the measured side, so every connection is a full handshake.
    /// Null when no nginx is installed (<c>apt-get install nginx</c>).
    /// </summary>
    public static Task<NginxServer?> StartMutualTlsAsync(string certificatePem, string keyPem, string clientCaPem) =>
        StartAsync(Environment.ProcessorCount, "", async (directory, port) =>
        {
            string In(string name) => Path.Combine(directory, name);
            await File.WriteAllTextAsync(In("server.crt"), certificatePem);
            await File.WriteAllTextAsync(In("server.key"), keyPem);
            await File.WriteAllTextAsync(In("client-ca.crt"), clientCaPem);
            return $$"""
                server {
                    listen 127.0.0.1:{{port}} ssl;
                    ssl_certificate {{In("server.crt")}};
                    ssl_certificate_key {{In("server.key")}};
                    ssl_protocols TLSv1.2 TLSv1.3;
                    ssl_session_cache off;
                    ssl_session_tickets off;
                    ssl_verify_client on;
                    ssl_client_certificate {{In("client-ca.crt")}};
                    location / { return 200 "ok\n"; }
                }
                """;
        });

    /// <summary>
    /// <paramref name="file"/> at <c>/binary</c> over plain HTTP, one worker, with <c>sendfile</c>: the download
    /// baseline. Null when no nginx is installed.
    /// </summary>
    public static Task<NginxServer?> StartFileAsync(string file) =>
        StartAsync(1, "sendfile on;\n    tcp_nopush on;", (_, port) => Task.FromResult($$"""
            server {
                listen 127.0.0.1:{{port}};
                location = /binary { alias {{file}}; default_type application/octet-stream; }
            }
            """));

    private static async Task<NginxServer?> StartAsync(int workers, string httpDirectives, Func<string, int, Task<string>> serverBlock)
    {
        var binary = Locations.FirstOrDefault(File.Exists);
        if (binary is null)
        {
            return null;
        }

        var directory = Directory.CreateTempSubdirectory("hangar-bench-nginx-");
        var port = FreePort();
        string In(string name) => Path.Combine(directory.FullName, name);
        var server = await serverBlock(directory.FullName, port);
        await File.WriteAllTextAsync(In("nginx.conf"), $$"""
            daemon off;
            master_process on;
            worker_processes {{workers}};
            pid {{In("nginx.pid")}};
            error_log {{In("error.log")}} warn;
            events { worker_connections 4096; }
            http {
                access_log off;
                {{httpDirectives}}
                client_body_temp_path {{In("body")}};
                proxy_temp_path {{In("proxy")}};
                fastcgi_temp_path {{In("fastcgi")}};
                uwsgi_temp_path {{In("uwsgi")}};
                scgi_temp_path {{In("scgi")}};
            {{server}}
            }
            """);
        var process = Process.Start(new ProcessStartInfo(binary)
        {
            ArgumentList = { "-p", directory.FullName, "-e", In("error.log"), "-c", In("nginx.conf") },
            UseShellExecute = false,
        })!;
        var nginx = new NginxServer(process, directory, new IPEndPoint(IPAddress.Loopback, port));
        if (!await nginx.ListeningAsync())
        {
            await nginx.DisposeAsync();
            throw new InvalidOperationException($"nginx did not start: {await File.ReadAllTextAsync(In("error.log"))}");
        }

        return nginx;
    }

    public static string Version()
    {
        using var process = Process.Start(new ProcessStartInfo(Locations.First(File.Exists), "-v") { RedirectStandardError = true, UseShellExecute = false })!;
        var version = process.StandardError.ReadToEnd().Trim();
        process.WaitForExit();
        return version.Replace("nginx version: ", "", StringComparison.Ordinal);
    }

    private async Task<bool> ListeningAsync()
    {
        for (var attempt = 0; attempt < 100 && !_process.HasExited; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(Endpoint);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _directory.Delete(recursive: true);
    }
}
