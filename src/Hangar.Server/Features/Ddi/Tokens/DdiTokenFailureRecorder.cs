using System.Data.Common;
using Hangar.Core.Events;
using Hangar.Data;
using Hangar.Server.Features.Events;
using Hangar.Server.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Ddi.Tokens;

/// <summary>
/// Records <c>ddi.authentication_failed</c> in the organization whose own token was refused (a revoked gateway token,
/// a token used for another controller or tenant), at most once a minute per token and reason on this node
/// (<see cref="AuthenticationFailureThrottle"/>). Unknown tokens belong to no organization and are only logged.
/// </summary>
internal sealed class DdiTokenFailureRecorder(IServiceScopeFactory scopes, AuthenticationFailureThrottle throttle, ILogger<DdiTokenFailureRecorder> logger)
{
    public async Task RecordAsync(
        Guid organizationId, string resourceType, Guid resourceId, string scheme, string reason, string? clientAddress, string controllerId,
        CancellationToken cancellationToken)
    {
        if (!throttle.TryClaim("ddi:" + resourceId.ToString("N"), reason))
        {
            return;
        }

        // A fresh unit of work: the request's context may hold nothing that belongs in this save.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        var events = scope.ServiceProvider.GetRequiredService<EventRecorder>();
        events.Actor("ddi_client", null, controllerId);
        events.Record(EventTypes.DdiAuthenticationFailed, resourceType, resourceId, new DdiAuthenticationFailedEventData(reason, scheme, clientAddress, controllerId), organizationId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            // The refusal stands and is logged; a database hiccup must not turn a 401 into a 500.
            logger.LogError(e, "Could not record ddi.authentication_failed for {ResourceType} {ResourceId} in organization {OrganizationId}", resourceType, resourceId, organizationId);
        }
    }
}
