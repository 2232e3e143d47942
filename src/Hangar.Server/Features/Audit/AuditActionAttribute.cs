namespace Hangar.Server.Features.Audit;

/// <summary>Endpoint metadata: this route mutates, and its audit rows are named <see cref="Action"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class AuditActionAttribute(string action) : Attribute
{
    public string Action { get; } = action;

    /// <summary>
    /// A read audited only when it is refused (401/403): an organization's caller knocking on a door that is not
    /// theirs is worth a row, the reads that pass are not.
    /// </summary>
    public bool RefusalsOnly { get; init; }
}
