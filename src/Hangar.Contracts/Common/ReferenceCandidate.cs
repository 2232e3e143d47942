namespace Hangar.Contracts.Common;

/// <summary>
/// One of the resources an ambiguous name matched: its id and resource name (either picks it) and what it is called,
/// with its parent where the name is unique only within one (<c>gateway/beta</c> for cohort beta of product gateway).
/// </summary>
public sealed record ReferenceCandidate(Guid Id, string Hrn, string Name);
