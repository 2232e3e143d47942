using System.Net;
using System.Net.Sockets;

namespace Hangar.Bench.Firmware;

/// <summary>
/// nginx as the download baseline: a generated configuration in a temp directory, one worker, <c>sendfile on</c>,
/// plain HTTP on a free loopback port (the protocol of Hangar's admin listener in this benchmark), serving one file.
/// </summary>
internal sealed class NginxProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly string _directory;

    private NginxProcess(ChildProcess process, string directory, Uri url)
    {
        _process = process;
        _directory = directory;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<NginxProcess> StartAsync(string file)
    {
        var directory = Directory.CreateTempSubdirectory("hangar-bench-nginx-").FullName;
        var port = FreePort();
        var config = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            worker_processes 1;
            error_log {{directory}}/error.log;
            pid {{directory}}/nginx.pid;
            events { worker_connections 64; }
            http {
                access_log off;
                sendfile on;
                tcp_nopush on;
                client_body_temp_path {{directory}}/body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;
                server {
                    listen 127.0.0.1:{{port}};
                    location = /binary { alias {{file}}; default_type application/octet-stream; }
                }
            }
            """);
        var process = ChildProcess.Start("nginx", ["-p", directory, "-c", config, "-g", "daemon off;"]);
        var url = new Uri($"http://127.0.0.1:{port}/binary");
        await WaitForPortAsync(port);
        return new NginxProcess(process, directory, url);
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPortAsync(int port)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"nginx did not listen on port {port}");
    }
}
