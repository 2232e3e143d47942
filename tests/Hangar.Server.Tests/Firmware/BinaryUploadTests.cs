using System.Net;
using System.Security.Cryptography;
using Hangar.Client;
using Hangar.Contracts.Common;
using Hangar.Contracts.Firmware;
using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.Firmware;

public abstract class BinaryUploadTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const int LargeSize = 300 * 1024 * 1024;
    private const int LargePart = 32 * 1024 * 1024;

    [Fact]
    public async Task Upload_300MegabytesInParts_WithOneResentAndOneCorruptedPart_BecomesSignableWithTheSameBytes()
    {
        var client = (await fixture.NewTenantAsync()).Owner;
        using var file = await LargeFile.CreateAsync(LargeSize);
        var version = await FirmwareBuilder.VersionAsync(client);
        var binary = await client.Binaries.CreateAsync(new CreateBinaryRequest(version.Id.ToString(), "x86_64-linux", LargeSize, file.Sha256), cancellationToken: Cancel);
        var partCount = (LargeSize + LargePart - 1) / LargePart;

        for (var index = 1; index <= partCount; index++)
        {
            await file.UploadPartAsync(client, binary.Id, index, LargePart);
        }

        // Re-sending a part replaces it; a part whose bytes do not match its hash is refused and changes nothing.
        await file.UploadPartAsync(client, binary.Id, 2, LargePart);
        var corrupted = await Api.ThrowsApiAsync(() => file.UploadPartAsync(client, binary.Id, 3, LargePart, corruptAt: 12345));
        Assert.Equal(ErrorCodes.PartHashMismatch, corrupted.Code);
        var parts = (await client.Binaries.ListPartsAsync(binary.Id.ToString(), Cancel)).Data;
        Assert.Equal(Enumerable.Range(1, partCount), parts.Select(p => p.Index));
        Assert.Equal(LargeSize, parts.Sum(p => p.Size));

        var hashed = await FirmwareBuilder.HashAsync(client, binary.Id);

        Assert.Equal("signable", hashed.State);
        using var http = fixture.Server.CreateHttpClient(await OwnerKeyAsync(client));
        await using var download = await http.GetStreamAsync(BinariesClient.ContentPath(binary.Id.ToString()), Cancel);
        Assert.Equal(file.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(download, Cancel)));
        Assert.Empty(Directory.EnumerateDirectories(Path.Combine(fixture.Server.DataDirectory, "blobs", "uploads"), $"{binary.Id:N}-*"));
    }

    [Fact]
    public async Task Upload_ClientKilledMidPart_LeavesNoPartialPartAndResumesFromTheListedParts()
    {
        var client = (await fixture.NewTenantAsync()).Owner;
        var content = FirmwareBuilder.Bytes(4 * 1024 * 1024 + 100);
        var binary = await FirmwareBuilder.DeclareAsync(client, content);
        const int partSize = 1024 * 1024;
        await FirmwareBuilder.UploadPartsAsync(client, binary.Id, content[..(2 * partSize)], partSize);

        // The "process" dies half-way through part 3: the connection drops with the part incomplete.
        var half = content.AsMemory(2 * partSize, partSize / 2).ToArray();
        using (var killed = CancellationTokenSource.CreateLinkedTokenSource(Cancel))
        {
            var stream = new AbortingStream(half, killed);
            await Assert.ThrowsAnyAsync<Exception>(() => client.Binaries.UploadPartAsync(
                binary.Id.ToString(), 3, stream, partSize, FirmwareBuilder.Sha(content[(2 * partSize)..(3 * partSize)]), killed.Token));
        }

        // A re-run asks which parts the server has and sends only the others.
        var present = (await client.Binaries.ListPartsAsync(binary.Id.ToString(), Cancel)).Data.Select(p => p.Index).ToHashSet();
        Assert.Equal([1, 2], present.Order());
        for (int offset = 0, index = 1; offset < content.Length; offset += partSize, index++)
        {
            if (!present.Contains(index))
            {
                var part = content.AsMemory(offset, Math.Min(partSize, content.Length - offset)).ToArray();
                await client.Binaries.UploadPartAsync(binary.Id.ToString(), index, new MemoryStream(part), part.Length, FirmwareBuilder.Sha(part), Cancel);
            }
        }

        var hashed = await FirmwareBuilder.HashAsync(client, binary.Id);
        Assert.Equal("signable", hashed.State);
        // SHA-1 and MD5 (for hawkBit DDI clients) are added from the stored object once the binary is signable.
        var digested = await FirmwareBuilder.LegacyDigestedAsync(client, binary.Id);
        Assert.Equal(LegacyDigests.Of(content), (digested.Sha1, digested.Md5));
        await AssertNoTemporaryFileOutlivesAsync(abortedBy: TimeProvider.System.GetUtcNow().UtcDateTime);
    }

    /// <summary>
    /// The aborted part's temporary file must be gone. Other tests upload through the same server at the same time and
    /// their temporary files come and go within moments, so wait (bounded) for every file older than the abort to go.
    /// </summary>
    private async Task AssertNoTemporaryFileOutlivesAsync(DateTime abortedBy)
    {
        var directory = new DirectoryInfo(Path.Combine(fixture.Server.DataDirectory, "blobs", "tmp"));
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var leftovers = directory.EnumerateFiles().Where(f => f.CreationTimeUtc <= abortedBy).ToList();
            if (leftovers.Count == 0)
            {
                return;
            }

            await Task.Delay(100, Cancel);
        }

        Assert.Fail("a temporary file of the aborted part was left behind in blobs/tmp");
    }

    [Fact]
    public async Task UploadPart_PastTheDeclaredSize_IsRefusedAndKeepsNothing()
    {
        var client = (await fixture.NewTenantAsync()).Owner;
        var binary = await FirmwareBuilder.DeclareAsync(client, FirmwareBuilder.Bytes(1500));
        var tooBig = FirmwareBuilder.Bytes(2000);

        var error = await Api.ThrowsApiAsync(() => client.Binaries.UploadPartAsync(binary.Id.ToString(), 1, new MemoryStream(tooBig), tooBig.Length, FirmwareBuilder.Sha(tooBig), Cancel));

        Assert.Equal(ErrorCodes.ValidationFailed, error.Code);
        Assert.Empty((await client.Binaries.ListPartsAsync(binary.Id.ToString(), Cancel)).Data);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3")]
    [InlineData("-1")]
    [InlineData("one")]
    [InlineData("99999999999")]
    public async Task UploadPart_IndexOutOfRange_IsInvalidParameter(string index)
    {
        var tenant = await fixture.NewTenantAsync();
        var binary = await FirmwareBuilder.DeclareAsync(tenant.Owner, FirmwareBuilder.Bytes(1500));
        using var request = PartRequest(binary.Id, index, [1, 2, 3], FirmwareBuilder.Sha([1, 2, 3]));

        using var response = await tenant.OwnerHttp.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ErrorCodes.InvalidParameter, (await response.ProblemAsync()).Code);
    }

    [Fact]
    public async Task UploadPart_WithoutHashHeaderOrAsJson_IsRefused()
    {
        var tenant = await fixture.NewTenantAsync();
        var binary = await FirmwareBuilder.DeclareAsync(tenant.Owner, FirmwareBuilder.Bytes(1500));

        using var noHash = PartRequest(binary.Id, "1", [1, 2, 3], null);
        using var noHashResponse = await tenant.OwnerHttp.SendAsync(noHash, Cancel);
        using var json = new HttpRequestMessage(HttpMethod.Put, $"api/v1/binaries/{binary.Id}/parts/1") { Content = Api.Json("{}") };
        using var jsonResponse = await tenant.OwnerHttp.SendAsync(json, Cancel);

        Assert.Equal(ErrorCodes.ValidationFailed, (await noHashResponse.ProblemAsync()).Code);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, jsonResponse.StatusCode);
    }

    [Fact]
    public async Task UploadPart_AfterUploadIsComplete_IsInvalidState()
    {
        var client = (await fixture.NewTenantAsync()).Owner;
        var content = FirmwareBuilder.Bytes(1500);
        var binary = await FirmwareBuilder.SignableAsync(client, content);

        var error = await Api.ThrowsApiAsync(() => client.Binaries.UploadPartAsync(binary.Id.ToString(), 1, new MemoryStream(content), content.Length, binary.Sha256, Cancel));

        Assert.Equal(ErrorCodes.InvalidState, error.Code);
    }

    private static HttpRequestMessage PartRequest(Guid binaryId, string index, byte[] body, string? sha256)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/octet-stream");
        var request = new HttpRequestMessage(HttpMethod.Put, $"api/v1/binaries/{binaryId}/parts/{index}") { Content = content };
        if (sha256 is not null)
        {
            request.Headers.Add(HangarHeaders.PartSha256, sha256);
        }

        return request;
    }

    private static async Task<string> OwnerKeyAsync(HangarClient client) =>
        (await client.ApiKeys.CreateAsync(new Contracts.Access.CreateApiKeyRequest("download", "viewer"), cancellationToken: Cancel)).Secret;

    public sealed class OnSqlite(SqliteServer fixture) : BinaryUploadTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : BinaryUploadTests(fixture);
}
