using System.Diagnostics.CodeAnalysis;

namespace Hangar.Core.Search;

public sealed record SearchParseResult(SearchQuery? Query, string? Error)
{
    [MemberNotNullWhen(true, nameof(Query))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Query is not null;

    internal static SearchParseResult Success(SearchQuery query) => new(query, null);

    internal static SearchParseResult Failure(string error) => new(null, error);
}
