using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using Hangar.Contracts.Common;
using Hangar.Core.Resources;
using Hangar.Data;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Hosting.References;

/// <summary>
/// The one rule by which a request names a resource, in a path parameter or a body field: a UUID is its id; text
/// starting <c>hrn:</c> is its resource name (of the expected type and the caller's organization, else nothing);
/// anything else is its name or identifier, looked up in the caller's organization (the query filter), and an error
/// listing the candidates when it picks more than one. Nothing found is null, which callers answer as they answer an
/// unknown id (404 for a path, a field error for a body), so other organizations' resources stay unconfirmed.
/// </summary>
internal static class ReferenceLookup
{
    private const int MaxCandidates = 10;

    /// <param name="nameScope">Narrows only the name lookup, for names unique within a parent the request already
    /// named (a release name within the release's cohort); ids and resource names keep their own answer.</param>
    public static async Task<T?> FindByReferenceAsync<T>(
        this IQueryable<T> query, HangarDbContext db, ReferenceRule<T> rule, string? reference, Guid organizationId,
        CancellationToken cancellationToken, Expression<Func<T, bool>>? nameScope = null)
        where T : class
    {
        var text = reference?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!IsName(text))
        {
            var id = ResourceReference.Resolve(text, rule.Type, organizationId);
            return id is null ? null : await query.SingleOrDefaultAsync(rule.HasId(id.Value), cancellationToken);
        }

        if (rule.HasName is null)
        {
            return null;
        }

        // Kestrel decodes a path segment except for %2F (so a segment can never become two), which leaves a name with
        // a slash in it, a webhook's URL say, still escaped when it comes from a path.
        var name = text.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        var named = query.Where(rule.HasName(name));
        if (nameScope is not null)
        {
            named = named.Where(nameScope);
        }

        var found = await named.OrderBy(rule.Id).Take(2).ToListAsync(cancellationToken);
        if (found.Count < 2)
        {
            return found.SingleOrDefault();
        }

        var matches = await named.OrderBy(rule.Id).Select(rule.Label(db)).Take(MaxCandidates).ToListAsync(cancellationToken);
        var candidates = matches
            .Select(m => new ReferenceCandidate(m.Id, ResourceName.Format(organizationId, rule.Type, m.Id), m.Name))
            .ToList();
        throw new AmbiguousReferenceException(rule.Type, name, candidates);
    }

    /// <summary>Whether the text is read as a name: not empty, not a UUID, not a resource name (anything starting <c>hrn:</c>).</summary>
    public static bool IsName([NotNullWhen(true)] string? text) =>
        !string.IsNullOrWhiteSpace(text) && !Guid.TryParseExact(text.Trim(), "D", out _) && !text.Trim().StartsWith("hrn:", StringComparison.Ordinal);
}
