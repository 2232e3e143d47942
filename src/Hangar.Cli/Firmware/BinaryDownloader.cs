using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Hangar.Client;
using Hangar.Contracts.Firmware;

namespace Hangar.Cli.Firmware;

/// <summary>
/// Downloads a binary into <c>FILE.part</c> and renames it to FILE once its SHA-256 matches. A <c>.part</c> left by an
/// interrupted run is continued with <c>Range</c>; <c>If-Range</c> with the binary's ETag (its SHA-256) makes the server
/// send the whole content instead if it is no longer the same binary.
/// </summary>
internal sealed class BinaryDownloader(HangarClient client, TransferProgress progress)
{
    public async Task DownloadAsync(BinaryResponse binary, string path, CancellationToken cancellationToken)
    {
        var partial = path + ".part";
        var offset = File.Exists(partial) ? new FileInfo(partial).Length : 0;
        if (offset > binary.Size)
        {
            File.Delete(partial);
            offset = 0;
        }

        if (offset < binary.Size)
        {
            await FetchAsync(binary, partial, offset, cancellationToken);
        }

        await using (var file = File.OpenRead(partial))
        {
            var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
            if (sha256 != binary.Sha256)
            {
                file.Close();
                File.Delete(partial);
                throw new CommandException(ExitCodes.UnexpectedError, $"the downloaded content has SHA-256 {sha256}, not {binary.Sha256}; deleted it, run again.");
            }
        }

        File.Move(partial, path, overwrite: true);
    }

    private async Task FetchAsync(BinaryResponse binary, string partial, long offset, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, BinariesClient.ContentPath(binary.Id.ToString()));
        if (offset > 0)
        {
            request.Headers.Range = new RangeHeaderValue(offset, null);
            request.Headers.IfRange = new RangeConditionHeaderValue(new EntityTagHeaderValue($"\"{binary.Sha256}\""));
        }

        using var response = await client.Transport.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.PartialContent))
        {
            throw new CommandException(ExitCodes.FromStatus(response.StatusCode), $"the server answered {(int)response.StatusCode} to the download of binary {binary.Id}.");
        }

        var resumed = response.StatusCode == HttpStatusCode.PartialContent;
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using var file = new FileStream(partial, resumed ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous);
        var remaining = resumed ? binary.Size - offset : binary.Size;
        await progress.RunAsync($"downloading {binary.Id}", remaining, async reporter =>
        {
            var buffer = new byte[1 << 20];
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                reporter.Bytes(read);
            }

            reporter.Line(resumed ? $"resumed at byte {offset}" : "downloaded");
            return true;
        });
    }
}
