using System.Diagnostics.CodeAnalysis;

namespace Hangar.Core.Search;

public sealed record SearchSchemaResult(SearchQuery? Query, IReadOnlyList<string> Errors)
{
    [MemberNotNullWhen(true, nameof(Query))]
    public bool Succeeded => Query is not null;

    internal static SearchSchemaResult Success(SearchQuery query) => new(query, []);

    internal static SearchSchemaResult Failure(IReadOnlyList<string> errors) => new(null, errors);
}
