using Hangar.Cli.Output;
using Hangar.Client;
using Hangar.Contracts.Firmware;

namespace Hangar.Cli.Firmware;

/// <summary>
/// The whole life of <c>hangar binaries create --file</c>: declare the binary (or find the one already declared for the
/// version and target, and resume it), upload the parts the server lacks, ask for hashing and wait for it. Re-running
/// after an interruption sends only the missing parts: the server's part list (index, size, sha256) says which.
/// </summary>
internal sealed class BinaryUploader(HangarClient client, TransferProgress progress, TextWriter notes, TimeProvider time)
{
    public sealed record Request(string ArtifactVersion, string Target, string File, long PartSize, int Concurrency, string? Description, TimeSpan HashTimeout);

    public async Task<BinaryResponse> UploadAsync(Request request, CancellationToken cancellationToken)
    {
        var size = new FileInfo(request.File).Length;
        var digests = await FileDigests.ComputeAsync(request.File, request.PartSize, cancellationToken);
        var binary = await DeclareAsync(request, size, digests.Sha256, cancellationToken);
        if (binary.State == "uploadable")
        {
            await UploadPartsAsync(binary, request, digests, cancellationToken);
            binary = await client.Binaries.UpdateAsync(binary.Id.ToString(), new UpdateBinaryRequest(State: "hashable"), cancellationToken);
        }

        if (binary.State == "hashable")
        {
            binary = await client.Binaries.UpdateAsync(binary.Id.ToString(), new UpdateBinaryRequest(State: "hashing"), cancellationToken);
        }

        return await WaitForHashingAsync(binary, request.HashTimeout, cancellationToken);
    }

    private async Task<BinaryResponse> DeclareAsync(Request request, long size, string sha256, CancellationToken cancellationToken)
    {
        var version = await client.ArtifactVersions.GetAsync(request.ArtifactVersion, cancellationToken);
        var existing = await client.Binaries.ListAsync(new ListOptions(Limit: 100, Search: $"artifact_version_id:'{version.Id}' and sha256:'{sha256}'"), cancellationToken);
        var binary = existing.Data.FirstOrDefault(b => b.Target == request.Target && b.State != "destroyed");
        if (binary is null)
        {
            return await client.Binaries.CreateAsync(new CreateBinaryRequest(version.Id.ToString(), request.Target, size, sha256, request.Description), cancellationToken: cancellationToken);
        }

        if (binary.Size != size)
        {
            throw new CommandException(ExitCodes.Conflict, $"binary {binary.Id} declares {binary.Size} bytes but {request.File} has {size}.");
        }

        notes.WriteLine($"resuming binary {binary.Id} ({binary.State}).");
        return binary;
    }

    private async Task UploadPartsAsync(BinaryResponse binary, Request request, FileDigests digests, CancellationToken cancellationToken)
    {
        var id = binary.Id.ToString();
        var onServer = (await client.Binaries.ListPartsAsync(id, cancellationToken)).Data.ToDictionary(p => p.Index);
        var count = (int)((binary.Size + request.PartSize - 1) / request.PartSize);
        var missing = new List<(int Index, long Offset, long Length)>();
        for (var index = 1; index <= count; index++)
        {
            var offset = (index - 1) * request.PartSize;
            var length = Math.Min(request.PartSize, binary.Size - offset);
            if (onServer.TryGetValue(index, out var part) && part.Size == length && part.Sha256 == digests.Parts[index - 1])
            {
                continue;
            }

            missing.Add((index, offset, length));
        }

        var toSend = missing.Sum(p => p.Length);
        if (missing.Count < count)
        {
            notes.WriteLine($"{count - missing.Count} of {Counted.Of(count, "part")} {(count - missing.Count == 1 ? "is" : "are")} already on the server.");
        }

        var started = time.GetTimestamp();
        var finished = 0;
        await progress.RunAsync($"uploading {Path.GetFileName(request.File)}", toSend, async reporter =>
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = request.Concurrency, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(missing, options, async (part, ct) =>
            {
                long sent = 0;
                await using var content = new FileSegmentStream(request.File, part.Offset, part.Length, read => sent += read);
                await client.Binaries.UploadPartAsync(id, part.Index, content, part.Length, digests.Parts[part.Index - 1], ct);
                // Counted when the server has accepted the part: a retried request would otherwise count twice.
                reporter.Bytes(sent);
                // Parts finish out of order, so the count of finished parts is separate from the part's own number.
                reporter.Line($"uploaded part {part.Index}, {Interlocked.Increment(ref finished)} of {Counted.Of(missing.Count, "part")} done");
            });
            return true;
        });
        var seconds = Math.Max(time.GetElapsedTime(started).TotalSeconds, 0.001);
        notes.WriteLine($"sent {Counted.Of(toSend, "byte")} in {Counted.Of(missing.Count, "part")} ({toSend / seconds / (1024 * 1024):F1} MiB/s).");
    }

    private async Task<BinaryResponse> WaitForHashingAsync(BinaryResponse binary, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = time.GetTimestamp() + (long)(timeout.TotalSeconds * time.TimestampFrequency);
        while (binary.State == "hashing")
        {
            if (time.GetTimestamp() > deadline)
            {
                throw new CommandException(ExitCodes.ServerError, $"binary {binary.Id} is still being hashed after {timeout.TotalSeconds:F0} s; run the same command again later to continue.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), time, cancellationToken);
            binary = await client.Binaries.GetAsync(binary.Id.ToString(), cancellationToken);
        }

        if (binary.State is not ("signable" or "signed"))
        {
            throw new CommandException(ExitCodes.Conflict, $"binary {binary.Id} did not verify and is {binary.State} again: {binary.LastError ?? "no reason given"}.");
        }

        return binary;
    }
}
