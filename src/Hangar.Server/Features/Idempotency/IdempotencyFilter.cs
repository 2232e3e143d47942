using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hangar.Contracts.Common;
using Hangar.Data;
using Hangar.Data.Idempotency;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Database;
using Hangar.Server.Hosting.Problems;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Idempotency;

/// <summary>
/// Makes a create call safe to retry. The first call with a key stores its response in the same transaction as the
/// created resource (the record rides along on the handler's save); a retry with the same key and body gets that
/// response back, marked <c>Idempotent-Replayed: true</c>. Keys are private to their sender and kept 24 hours.
/// </summary>
internal sealed class IdempotencyFilter(HangarDbContext db, TimeProvider time, IOptions<JsonOptions> json, IDataProtectionProvider protection) : IEndpointFilter
{
    // Create responses can carry secrets shown once (API keys, invitation tokens): stored encrypted, never in clear.
    private readonly IDataProtector _protector = protection.CreateProtector("Hangar.Idempotency.Response.v1");

    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);
    private const int MaxKeyLength = 255;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[HangarHeaders.IdempotencyKey].ToString();
        var caller = http.GetCaller();
        if (key.Length == 0 || caller is null)
        {
            return await next(context);
        }

        if (key.Length > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
        {
            return Problems.Validation("Idempotency-Key", $"must be 1 to {MaxKeyLength} visible ASCII characters.");
        }

        var requestHash = RequestHash(context);
        var existing = await FindAsync(caller, key, http.RequestAborted);
        if (existing is not null)
        {
            return Replay(existing, requestHash, http);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var record = new IdempotencyRecord
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = caller.OrganizationId,
            Principal = caller.Principal,
            Key = key,
            Method = http.Request.Method,
            Path = http.Request.Path.Value ?? "",
            RequestHash = requestHash,
            CreatedAt = now,
            ExpiresAt = now + Retention,
        };
        db.IdempotencyRecords.Add(record);

        object? result;
        try
        {
            result = await next(context);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            // Possibly a concurrent call with the same key that committed first: answer with its result if so.
            db.ChangeTracker.Clear();
            var first = await FindAsync(caller, key, http.RequestAborted);
            if (first is null)
            {
                throw;
            }

            return Replay(first, requestHash, http);
        }

        // Typed handlers return Results<A, B>, which wraps the actual result.
        var outcome = result is INestedHttpResult nested ? nested.Result : result;
        var status = (outcome as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
        if (status is >= 200 and < 300 && db.Entry(record).State == EntityState.Unchanged)
        {
            record.StatusCode = status;
            record.ResponseBody = (outcome as IValueHttpResult)?.Value is { } value
                ? _protector.Protect(JsonSerializer.Serialize(value, value.GetType(), json.Value.SerializerOptions))
                : null;
            record.Location = LocationOf(outcome);
            await db.SaveChangesAsync(CancellationToken.None);
            return result;
        }

        // The handler failed or saved nothing: forget the key so a corrected retry can use it. If a concurrent call
        // with the same key won the race (our save hit the unique index), answer with its result instead.
        db.Entry(record).State = EntityState.Detached;
        var winner = await FindAsync(caller, key, http.RequestAborted);
        return winner is null ? result : Replay(winner, requestHash, http);
    }

    private Task<IdempotencyRecord?> FindAsync(Caller caller, string key, CancellationToken cancellationToken) =>
        db.IdempotencyRecords.AsNoTracking()
            .Where(r => r.Principal == caller.Principal && r.Key == key && r.ExpiresAt > time.GetUtcNow().UtcDateTime)
            .SingleOrDefaultAsync(cancellationToken);

    private object Replay(IdempotencyRecord record, string requestHash, HttpContext http)
    {
        if (record.RequestHash != requestHash || record.Path != http.Request.Path.Value || record.Method != http.Request.Method)
        {
            return Problems.Create(StatusCodes.Status422UnprocessableEntity, ErrorCodes.IdempotencyKeyReused, "Idempotency key reused",
                "This Idempotency-Key was already used for a different request; use a new key for a new request.");
        }

        if (record.StatusCode == 0)
        {
            http.Response.Headers.RetryAfter = "1";
            return Problems.Conflict(ErrorCodes.IdempotencyRequestInProgress,
                "A request with this Idempotency-Key is still being processed; retry shortly.");
        }

        string? body;
        try
        {
            body = record.ResponseBody is null ? null : _protector.Unprotect(record.ResponseBody);
        }
        catch (CryptographicException)
        {
            // The data-protection keys were lost or not shared between nodes: the first answer cannot be reproduced.
            return Problems.Conflict(ErrorCodes.IdempotencyKeyReused,
                "The original response for this Idempotency-Key can no longer be read; check whether the resource exists before retrying with a new key.");
        }

        http.Response.Headers[HangarHeaders.IdempotentReplayed] = "true";
        if (record.Location is not null)
        {
            http.Response.Headers.Location = record.Location;
        }

        return body is null
            ? Results.StatusCode(record.StatusCode)
            : Results.Text(body, "application/json", Encoding.UTF8, record.StatusCode);
    }

    private static string? LocationOf(object? result) =>
        result?.GetType().GetProperty("Location")?.GetValue(result) as string;

    // The bound request records stand for the body: the same logical request hashes the same however it was spelled.
    private string RequestHash(EndpointFilterInvocationContext context)
    {
        var bodies = context.Arguments.Where(a => a?.GetType().Namespace?.StartsWith("Hangar.Contracts", StringComparison.Ordinal) == true);
        var text = string.Join("\n", bodies.Select(b => JsonSerializer.Serialize(b, b!.GetType(), json.Value.SerializerOptions)));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
