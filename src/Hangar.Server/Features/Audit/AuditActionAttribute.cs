namespace Hangar.Server.Features.Audit;

/// <summary>Endpoint metadata: this route mutates, and its audit rows are named <see cref="Action"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class AuditActionAttribute(string action) : Attribute
{
    public string Action { get; } = action;
}
