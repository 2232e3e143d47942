using Hangar.Data.Audit;
using Hangar.Server.Hosting.Authentication;

namespace Hangar.Server.Features.Audit;

/// <summary>
/// The audit row of the current request, filled in as the request goes. A handler names the resource it changes
/// just before saving; the save then carries the row in the same transaction. If the request ends without such a
/// save (rejected, denied, failed, or a no-op), the row is written afterwards with that outcome.
/// </summary>
internal sealed class AuditScope
{
    public string? Action { get; private set; }
    public string RequestId { get; private set; } = "";
    public string? ClientAddress { get; private set; }
    public Guid? OrganizationId { get; private set; }
    public string ActorType { get; private set; } = "anonymous";
    public Guid? ActorId { get; private set; }
    public string ActorName { get; private set; } = "anonymous";
    public string? ResourceType { get; private set; }
    public Guid? ResourceId { get; private set; }
    public int SuccessStatus { get; private set; } = StatusCodes.Status200OK;

    /// <summary>Armed once the handler has named the resource: the next save writes the row.</summary>
    public bool IsArmed { get; private set; }

    public bool IsWritten { get; private set; }

    public void Begin(string action, HttpContext context)
    {
        Action = action;
        RequestId = context.TraceIdentifier;
        ClientAddress = context.Connection.RemoteIpAddress?.ToString();
        SuccessStatus = HttpMethods.IsPost(context.Request.Method) ? StatusCodes.Status201Created
            : HttpMethods.IsDelete(context.Request.Method) ? StatusCodes.Status204NoContent
            : StatusCodes.Status200OK;
        if (context.GetCaller() is { } caller)
        {
            Actor(caller.OrganizationId, caller.Kind == CallerKind.ApiKey ? caller.CredentialId : caller.UserId, caller.UserEmail, caller.ActorType);
        }
    }

    /// <summary>For calls that authenticate themselves (sign-in, accepting an invitation).</summary>
    public void Actor(Guid organizationId, Guid actorId, string actorName, string actorType)
    {
        OrganizationId = organizationId;
        ActorId = actorId;
        ActorName = actorName;
        ActorType = actorType;
    }

    /// <summary>Names the changed resource and arms the scope: the handler's next save commits the audit row with it.</summary>
    public void Resource(string type, Guid id, int? successStatus = null)
    {
        ResourceType = type;
        ResourceId = id;
        SuccessStatus = successStatus ?? SuccessStatus;
        IsArmed = true;
    }

    /// <summary>For calls that change many resources of one type at once (bulk actions, imports): no single id.</summary>
    public void Resources(string type)
    {
        ResourceType = type;
        ResourceId = null;
        IsArmed = true;
    }

    public AuditEntry? TakeEntry(DateTime now, int status)
    {
        if (Action is null || OrganizationId is null || IsWritten)
        {
            return null;
        }

        IsWritten = true;
        return new AuditEntry
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = OrganizationId.Value,
            Time = now,
            ActorType = ActorType,
            ActorId = ActorId,
            ActorName = ActorName,
            Action = Action,
            ResourceType = ResourceType,
            ResourceId = ResourceId,
            Outcome = AuditOutcomes.ForStatus(status),
            StatusCode = status,
            RequestId = RequestId,
            ClientAddress = ClientAddress,
        };
    }

    /// <summary>The save that carried the row failed and rolled back: the row must be written again afterwards.</summary>
    public void Unwrite() => IsWritten = false;
}
