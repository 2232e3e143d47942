using System.Net.Http.Headers;
using Hangar.Contracts.Common;
using Hangar.Contracts.Firmware;

namespace Hangar.Client;

public sealed class BinariesClient(ApiTransport transport)
{
    public Task<ListResponse<BinaryResponse>> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.GetAsync<ListResponse<BinaryResponse>>("api/v1/binaries" + options?.ToQueryString(), cancellationToken);

    public Task<BinaryResponse> GetAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.GetAsync<BinaryResponse>($"api/v1/binaries/{ApiTransport.Segment(idOrHrn)}", cancellationToken);

    public Task<BinaryResponse> CreateAsync(CreateBinaryRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.PostAsync<BinaryResponse>("api/v1/binaries", request, options, cancellationToken);

    public Task<BinaryResponse> UpdateAsync(string idOrHrn, UpdateBinaryRequest request, CancellationToken cancellationToken = default) =>
        transport.PatchAsync<BinaryResponse>($"api/v1/binaries/{ApiTransport.Segment(idOrHrn)}", request, cancellationToken);

    public Task DeleteAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.DeleteAsync($"api/v1/binaries/{ApiTransport.Segment(idOrHrn)}", cancellationToken);

    public Task<ListResponse<BinaryPartResponse>> ListPartsAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.GetAsync<ListResponse<BinaryPartResponse>>($"api/v1/binaries/{ApiTransport.Segment(idOrHrn)}/parts", cancellationToken);

    /// <summary>
    /// Uploads part <paramref name="index"/> (1-based): exactly <paramref name="size"/> bytes read from
    /// <paramref name="content"/>, which the server checks against <paramref name="sha256"/> as they stream in.
    /// </summary>
    public Task<BinaryPartResponse> UploadPartAsync(
        string idOrHrn, int index, Stream content, long size, string sha256, CancellationToken cancellationToken = default)
    {
        // Large copies: the default 80 KiB buffer spends a multi-GB upload's CPU on system calls.
        var body = new StreamContent(content, 1024 * 1024);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        body.Headers.ContentLength = size;
        var request = new HttpRequestMessage(HttpMethod.Put, $"api/v1/binaries/{ApiTransport.Segment(idOrHrn)}/parts/{index}") { Content = body };
        request.Headers.Add(HangarHeaders.PartSha256, sha256);
        return transport.SendAsync<BinaryPartResponse>(request, cancellationToken);
    }

    public Task<DownloadUrlResponse> GetDownloadUrlAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.GetAsync<DownloadUrlResponse>($"api/v1/binaries/{ApiTransport.Segment(idOrHrn)}/download_url", cancellationToken);

    /// <summary>The relative path of the binary's content for requests the caller builds itself (ranges, conditional requests).</summary>
    public static string ContentPath(string idOrHrn) => $"api/v1/binaries/{ApiTransport.Segment(idOrHrn)}/content";
}
