using System.Diagnostics;
using System.Globalization;
using Hangar.Contracts.Common;
using Hangar.Contracts.Firmware;
using Hangar.Core.Access;
using Hangar.Core.Firmware;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Firmware;
using Hangar.Server.Features.Audit;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Database;
using Hangar.Server.Hosting.Observability;
using Hangar.Server.Hosting.Problems;
using Hangar.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Firmware;

/// <summary>
/// Multipart upload: each part is a raw <c>PUT</c> of its bytes with its SHA-256 in <c>X-Part-Sha256</c>, streamed to
/// disk while it is hashed. Only a part whose size and hash match is kept; a part can be sent again to replace it.
/// </summary>
internal static class BinaryPartEndpoints
{
    public static void MapBinaryParts(this RouteGroupBuilder binaries)
    {
        binaries.MapGet("/{id}/parts", ListAsync).Requires(Permission.FirmwareRead)
            .WithSummary("List the uploaded parts of a binary").WithDescription("Parts exist while the binary is uploadable or hashable; hashing consumes them.");
        binaries.MapPut("/{id}/parts/{index}", UploadAsync).Requires(Permission.FirmwareManage).Audited("binary_part.upload")
            .WithSummary("Upload one part of a binary")
            .WithDescription("Body: the part's bytes (Content-Type application/octet-stream, Content-Length required). Header X-Part-Sha256: lowercase hex SHA-256 of the part. Index 1-10000; every part but the last needs at least Firmware:MinPartBytes (5 MiB) and at most Firmware:MaxPartBytes (1 GiB).");
    }

    private static async Task<Results<Ok<ListResponse<BinaryPartResponse>>, ProblemHttpResult>> ListAsync(
        string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var binary = await BinaryEndpoints.FindAsync(id, http, db, cancellationToken);
        if (binary is null)
        {
            return Problems.NotFound("Binary");
        }

        var parts = await db.BinaryParts.AsNoTracking().Where(p => p.BinaryId == binary.Id).OrderBy(p => p.Index).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ListResponse<BinaryPartResponse>(parts.Select(p => p.ToResponse()).ToList(), null));
    }

    private static async Task<Results<Ok<BinaryPartResponse>, ProblemHttpResult>> UploadAsync(
        string id, string index, HttpContext http, HangarDbContext db, AuditScope audit, TimeProvider time, IBlobStore blobs,
        IOptions<FirmwareOptions> options, CancellationToken cancellationToken)
    {
        var binary = await BinaryEndpoints.FindAsync(id, http, db, cancellationToken);
        if (binary is null)
        {
            return Problems.NotFound("Binary");
        }

        audit.Resource(ResourceTypes.Binary, binary.Id);
        var limits = options.Value;
        var (problem, (partIndex, size, sha256)) = await ValidateAsync(http.Request, binary, index, limits, db, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        // The global body limit is small (JSON); this route alone may take a whole part, which streams to disk.
        var bodyLimit = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (bodyLimit is { IsReadOnly: false })
        {
            bodyLimit.MaxRequestBodySize = limits.MaxPartBytes;
        }

        using var span = UploadTracing.Source.StartForRequest(UploadTracing.PartSpan, http);
        span?.SetTag(RequestSpans.OrganizationIdTag, binary.OrganizationId.ToString()).SetTag(UploadTracing.BinaryIdTag, binary.Id.ToString())
            .SetTag("hangar.part.index", partIndex).SetTag("hangar.part.size", size);
        var result = await blobs.PutPartAsync(BinaryContent.UploadId(binary), partIndex, http.Request.Body, size, sha256, cancellationToken);
        span?.SetTag("hangar.part.outcome", result.Outcome.ToString());
        if (!result.Succeeded)
        {
            span?.SetStatus(ActivityStatusCode.Error);
            return result.Outcome switch
            {
                BlobWriteOutcome.HashMismatch => Problems.BadRequest(ErrorCodes.PartHashMismatch, $"Part {partIndex} has SHA-256 {result.Sha256}, not {sha256}; nothing was kept. Send it again."),
                BlobWriteOutcome.InsufficientStorage => Problems.Create(StatusCodes.Status507InsufficientStorage, ErrorCodes.InsufficientStorage, "Insufficient storage",
                    $"The blob store has no room for part {partIndex} ({size} bytes); nothing was kept. Retry once an operator has freed space."),
                _ => Problems.BadRequest(ErrorCodes.PartSizeMismatch, $"Part {partIndex} did not have the {size} bytes announced; nothing was kept."),
            };
        }

        var now = time.GetUtcNow().UtcDateTime;
        var part = await db.BinaryParts.SingleOrDefaultAsync(p => p.BinaryId == binary.Id && p.Index == partIndex, cancellationToken);
        if (part is null)
        {
            part = new BinaryPart
            {
                Id = Guid.CreateVersion7(now),
                OrganizationId = binary.OrganizationId,
                BinaryId = binary.Id,
                Index = partIndex,
                Size = size,
                Sha256 = sha256,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.BinaryParts.Add(part);
        }
        else
        {
            part.Size = size;
            part.Sha256 = sha256;
            part.UpdatedAt = now;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            return Problems.Conflict(ErrorCodes.Conflict, $"Part {partIndex} was being uploaded twice at once; send it again.");
        }

        return TypedResults.Ok(part.ToResponse());
    }

    private static async Task<(ProblemHttpResult? Problem, (int Index, long Size, string Sha256) Part)> ValidateAsync(
        HttpRequest request, Binary binary, string index, FirmwareOptions limits, HangarDbContext db, CancellationToken cancellationToken)
    {
        if (binary.State != BinaryState.Uploadable)
        {
            return (Problems.Conflict(ErrorCodes.InvalidState, $"Parts can be uploaded only while the binary is uploadable; it is {binary.State.ToWire()}."), default);
        }

        var maxIndex = (int)Math.Min(BinaryEndpoints.MaxParts, (binary.Size + limits.MinPartBytes - 1) / limits.MinPartBytes);
        if (!int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var partIndex) || partIndex < 1 || partIndex > maxIndex)
        {
            return (Problems.BadRequest(ErrorCodes.InvalidParameter, $"The part index must be a number from 1 to {maxIndex} for this binary."), default);
        }

        if (request.ContentType is not { } contentType || !contentType.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase))
        {
            return (Problems.Create(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType, "Unsupported media type",
                "Send the part's bytes as application/octet-stream."), default);
        }

        var sha256 = request.Headers[HangarHeaders.PartSha256].ToString();
        if (!BlobNames.IsSha256(sha256))
        {
            return (Problems.Validation(HangarHeaders.PartSha256, "must be the part's SHA-256 as 64 lowercase hex digits."), default);
        }

        if (request.ContentLength is not { } size || size < 1)
        {
            return (Problems.Validation("content_length", $"is required and must be 1 to {limits.MaxPartBytes} bytes."), default);
        }

        if (size > limits.MaxPartBytes)
        {
            return (Problems.Create(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, "Payload too large",
                $"A part may have at most {limits.MaxPartBytes} bytes (Firmware:MaxPartBytes); this one declares {size}."), default);
        }

        var others = await db.BinaryParts.Where(p => p.BinaryId == binary.Id && p.Index != partIndex).SumAsync(p => p.Size, cancellationToken);
        if (others + size > binary.Size)
        {
            return (Problems.Validation("content_length", $"would take the upload past the binary's declared {binary.Size} bytes ({others} already uploaded in other parts)."), default);
        }

        return (null, (partIndex, size, sha256));
    }
}
