using Hangar.Contracts.Common;

namespace Hangar.Server.Hosting.References;

/// <summary>
/// A name matched several resources. Thrown rather than returned so that every lookup (path parameters and body fields
/// alike, in every feature) answers it the same way: <see cref="Problems.ExceptionProblemHandler"/> turns it into
/// 409 <c>ambiguous_reference</c> with the candidates.
/// </summary>
internal sealed class AmbiguousReferenceException(string type, string reference, IReadOnlyList<ReferenceCandidate> candidates)
    : Exception($"'{reference}' names {candidates.Count} {type.Replace('_', ' ')}s; use the id or resource name of the one you mean.")
{
    public IReadOnlyList<ReferenceCandidate> Candidates { get; } = candidates;
}
