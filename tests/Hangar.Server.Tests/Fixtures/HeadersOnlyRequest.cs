using System.Net.Sockets;
using System.Text;

namespace Hangar.Server.Tests.Fixtures;

/// <summary>
/// An HTTP/1.1 request sent over a raw socket as its head only: it announces a body (Content-Length) that is never
/// sent, and reads the server's answer. It shows the server answered without reading the body, and cannot lose the
/// answer to a broken pipe as a client that writes the whole body first can when the server closes the connection.
/// </summary>
internal static class HeadersOnlyRequest
{
    public static async Task<(int Status, string Body)> SendAsync(Uri baseAddress, string method, string path, IReadOnlyDictionary<string, string> headers,
        long contentLength, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(baseAddress.Host, baseAddress.Port, cancellationToken);
        var stream = client.GetStream();
        var head = new StringBuilder($"{method} {path} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nContent-Length: {contentLength}\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()), cancellationToken);
        return await ReadResponseAsync(stream, cancellationToken);
    }

    private static async Task<(int Status, string Body)> ReadResponseAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new List<byte>();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var read = 0;
            try
            {
                read = await stream.ReadAsync(buffer, cancellationToken);
            }
            catch (IOException) when (received.Count > 0)
            {
                // The server may reset the connection once it has answered: what it sent before still counts.
            }

            received.AddRange(buffer.AsSpan(0, read));
            if (TryParse(Encoding.ASCII.GetString([.. received]), complete: read == 0) is { } response)
            {
                return response;
            }

            Assert.True(read > 0, $"the connection closed before a whole response arrived:\n{Encoding.ASCII.GetString([.. received])}");
        }
    }

    /// <returns>The status and body once the whole response is in <paramref name="text"/>; null while more is needed.</returns>
    private static (int Status, string Body)? TryParse(string text, bool complete)
    {
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }

        var lines = text[..end].Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = lines.Skip(1).Select(line => line.Split(':', 2)).ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = text[(end + 4)..];
        if (headers.TryGetValue("Content-Length", out var length))
        {
            var count = int.Parse(length, System.Globalization.CultureInfo.InvariantCulture);
            return body.Length >= count ? (status, body[..count]) : null;
        }

        if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            return Dechunk(body) is { } whole ? (status, whole) : null;
        }

        return complete ? (status, body) : null;
    }

    private static string? Dechunk(string body)
    {
        var whole = new StringBuilder();
        var position = 0;
        while (true)
        {
            var lineEnd = body.IndexOf("\r\n", position, StringComparison.Ordinal);
            if (lineEnd < 0)
            {
                return null;
            }

            var size = Convert.ToInt32(body[position..lineEnd].Split(';')[0], 16);
            if (size == 0)
            {
                return whole.ToString();
            }

            if (body.Length < lineEnd + 2 + size + 2)
            {
                return null;
            }

            whole.Append(body, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
    }
}
