using Hangar.Client;
using Hangar.Contracts.Firmware;
using Microsoft.AspNetCore.Components.Forms;

namespace Hangar.Console.Firmware;

/// <summary>
/// Uploads a file the user picked in the browser as a binary, the way <c>hangar binaries create --file</c> does: hash
/// it (whole and per part), declare the binary or find the one already declared for the version, target and SHA-256,
/// send only the parts the server lacks, then ask for hashing and wait for the verdict. Choosing the same file again
/// after an interruption (a closed tab, a lost connection) therefore resumes it.
/// </summary>
/// <remarks>
/// SHA-256 runs in WebAssembly: .NET's browser build hashes with a managed implementation (no SubtleCrypto, which is
/// asynchronous only). The file is read twice through the browser's file stream, part by part, so at most one part is
/// held in memory.
/// </remarks>
internal sealed class BrowserUploader(HangarClient client)
{
    private static readonly TimeSpan HashPoll = TimeSpan.FromMilliseconds(500);

    public async Task<BinaryResponse> UploadAsync(
        IBrowserFile file, ArtifactVersionResponse version, string target, long partSize, Action<UploadProgress> report, CancellationToken cancellationToken)
    {
        var count = (int)Math.Max(1, (file.Size + partSize - 1) / partSize);
        report(new UploadProgress("hashing the file", 0, file.Size, 0, count, 0));
        var digests = await FileDigests.ComputeAsync(file, partSize, cancellationToken);
        var binary = await DeclareAsync(file, version, target, digests.Sha256, cancellationToken);
        var alreadyThere = 0;
        if (binary.State == "uploadable")
        {
            alreadyThere = await UploadMissingPartsAsync(file, binary, partSize, digests, report, cancellationToken);
            binary = await client.Binaries.UpdateAsync(binary.Id.ToString(), new UpdateBinaryRequest(State: "hashable"), cancellationToken);
        }

        if (binary.State == "hashable")
        {
            binary = await client.Binaries.UpdateAsync(binary.Id.ToString(), new UpdateBinaryRequest(State: "hashing"), cancellationToken);
        }

        while (binary.State == "hashing")
        {
            report(new UploadProgress("the server is verifying the content", file.Size, file.Size, count, count, alreadyThere));
            await Task.Delay(HashPoll, cancellationToken);
            binary = await client.Binaries.GetAsync(binary.Id.ToString(), cancellationToken);
        }

        return binary;
    }

    private async Task<BinaryResponse> DeclareAsync(IBrowserFile file, ArtifactVersionResponse version, string target, string sha256, CancellationToken cancellationToken)
    {
        var search = $"artifact_version_id:'{version.Id}' and sha256:'{sha256}'";
        var declared = await client.Binaries.ListAsync(new ListOptions(Limit: 100, Search: search), cancellationToken);
        return declared.Data.FirstOrDefault(b => b.Target == target && b.State != "destroyed" && b.Size == file.Size)
            ?? await client.Binaries.CreateAsync(new CreateBinaryRequest(version.Id.ToString(), target, file.Size, sha256), cancellationToken: cancellationToken);
    }

    /// <summary>Sends the parts the server does not hold yet; answers how many it already held.</summary>
    private async Task<int> UploadMissingPartsAsync(
        IBrowserFile file, BinaryResponse binary, long partSize, FileDigests digests, Action<UploadProgress> report, CancellationToken cancellationToken)
    {
        var id = binary.Id.ToString();
        var onServer = (await client.Binaries.ListPartsAsync(id, cancellationToken)).Data.ToDictionary(p => p.Index);
        var count = digests.Parts.Count;
        var present = Enumerable.Range(1, count).Where(index => Matches(onServer, index, digests.Parts[index - 1])).ToHashSet();
        var alreadyThere = present.Count;
        var sent = present.Sum(index => digests.Parts[index - 1].Size);
        report(new UploadProgress("uploading", sent, file.Size, present.Count, count, alreadyThere));

        await using var stream = file.OpenReadStream(file.Size, cancellationToken);
        var buffer = new byte[partSize];
        for (var index = 1; index <= count; index++)
        {
            var part = digests.Parts[index - 1];
            await FileDigests.FillAsync(stream, buffer, (int)part.Size, cancellationToken);
            if (present.Contains(index))
            {
                continue;
            }

            using var content = new MemoryStream(buffer, 0, (int)part.Size, writable: false);
            await client.Binaries.UploadPartAsync(id, index, content, part.Size, part.Sha256, cancellationToken);
            sent += part.Size;
            present.Add(index);
            report(new UploadProgress("uploading", sent, file.Size, present.Count, count, alreadyThere));
        }

        return alreadyThere;
    }

    private static bool Matches(Dictionary<int, BinaryPartResponse> onServer, int index, PartDigest part) =>
        onServer.TryGetValue(index, out var held) && held.Size == part.Size && held.Sha256 == part.Sha256;
}
