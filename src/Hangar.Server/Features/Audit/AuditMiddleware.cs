using Hangar.Data;
using Hangar.Server.Hosting.Http;
using Hangar.Server.Hosting.References;

namespace Hangar.Server.Features.Audit;

/// <summary>
/// Guarantees exactly one audit row per mutating Admin API call: opens the scope before the handler and, when the
/// handler's own save did not carry the row (the call was rejected, denied, failed or changed nothing), writes it
/// after the response with the outcome the status tells. Anonymous calls that never named an organization (a
/// failed sign-in with an unknown email) have no tenant to be audited in; they are logged instead. Reads marked
/// <see cref="AuditActionAttribute.RefusalsOnly"/> get a row only when they are refused.
/// </summary>
internal sealed class AuditMiddleware(RequestDelegate next, TimeProvider time, ILogger<AuditMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, AuditScope scope, IServiceScopeFactory scopes)
    {
        var audited = context.GetEndpoint()?.Metadata.GetMetadata<AuditActionAttribute>();
        if (audited is { RefusalsOnly: true } && !RequestMethods.IsMutation(context.Request))
        {
            await AuditRefusalAsync(context, audited.Action, scope, scopes);
            return;
        }

        var action = audited?.Action;
        if (action is null || !RequestMethods.IsMutation(context.Request))
        {
            await next(context);
            return;
        }

        scope.Begin(action, context);
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        catch (BadHttpRequestException bad)
        {
            // Malformed or oversized bodies surface as exceptions that the outer handler turns into 4xx.
            status = bad.StatusCode;
            throw;
        }
        catch (AmbiguousReferenceException)
        {
            status = StatusCodes.Status409Conflict;
            throw;
        }
        finally
        {
            if (!scope.IsWritten)
            {
                await WriteAfterwardsAsync(scope, status, scopes);
            }
        }
    }

    private async Task AuditRefusalAsync(HttpContext context, string action, AuditScope scope, IServiceScopeFactory scopes)
    {
        scope.Begin(action, context);
        await next(context);
        if (context.Response.StatusCode is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden)
        {
            await WriteAfterwardsAsync(scope, context.Response.StatusCode, scopes);
        }
    }

    private async Task WriteAfterwardsAsync(AuditScope scope, int status, IServiceScopeFactory scopes)
    {
        var entry = scope.TakeEntry(time.GetUtcNow().UtcDateTime, status);
        if (entry is null)
        {
            logger.LogInformation("Unattributed {Action} call answered {Status}", scope.Action, status);
            return;
        }

        // A fresh context: the request's own may hold rolled-back changes. Not the request's token either: the row
        // must be written even when the client went away.
        await using var fresh = scopes.CreateAsyncScope();
        var db = fresh.ServiceProvider.GetRequiredService<HangarDbContext>();
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
