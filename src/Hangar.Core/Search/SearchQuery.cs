using System.Diagnostics.CodeAnalysis;

namespace Hangar.Core.Search;

// The parsed ?search= query. Every instance obeys the grammar's limits, so ToString() always parses back
// to an equal query; the constructor enforces that for queries built in code.
public sealed class SearchQuery : IEquatable<SearchQuery>
{
    private SearchQuery(SearchClause[] clauses)
    {
        Clauses = Array.AsReadOnly(clauses);
    }

    public SearchQuery(IEnumerable<SearchClause> clauses)
        : this(CheckedClauses(clauses))
    {
    }

    public IReadOnlyList<SearchClause> Clauses { get; }

    public static SearchParseResult Parse(string text) => new SearchParser(text).Parse();

    public override string ToString() => string.Join(SearchSyntax.Separator, Clauses);

    public bool Equals(SearchQuery? other) =>
        other is not null && (ReferenceEquals(this, other) || Clauses.SequenceEqual(other.Clauses));

    public override bool Equals(object? obj) => Equals(obj as SearchQuery);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var clause in Clauses)
        {
            hash.Add(clause);
        }

        return hash.ToHashCode();
    }

    // Used by the parser, which must report problems instead of throwing.
    internal static bool TryCreate(
        IEnumerable<SearchClause> clauses,
        [NotNullWhen(true)] out SearchQuery? query,
        [NotNullWhen(false)] out string? error)
    {
        var array = clauses.ToArray();
        query = null;
        error = Check(array);
        if (error is null)
        {
            query = new SearchQuery(array);
        }

        return error is null;
    }

    private static SearchClause[] CheckedClauses(IEnumerable<SearchClause> clauses)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        var array = clauses.ToArray();
        var error = Check(array);
        return error is null ? array : throw new ArgumentException(error, nameof(clauses));
    }

    private static string? Check(SearchClause[] clauses)
    {
        if (clauses.Length == 0)
        {
            return "a search query needs at least one clause";
        }

        if (clauses.Length > SearchSyntax.MaxClauses)
        {
            return $"at most {SearchSyntax.MaxClauses} clauses are allowed";
        }

        foreach (var clause in clauses)
        {
            if (clause is null)
            {
                return "search clauses cannot be null";
            }

            if (!SearchSyntax.IsValidFieldName(clause.Field))
            {
                return $"invalid field name '{clause.Field}' (1 to {SearchSyntax.MaxFieldLength} characters of a-z, 0-9, '_' and '.', starting with a letter)";
            }

            if (!Enum.IsDefined(clause.Operator))
            {
                return $"unknown operator {clause.Operator} on field '{clause.Field}'";
            }

            if (clause.Value is null)
            {
                return $"field '{clause.Field}' has no value";
            }

            if (clause.Value.Text?.Length > SearchSyntax.MaxValueLength)
            {
                return $"value of field '{clause.Field}' is longer than {SearchSyntax.MaxValueLength} characters";
            }
        }

        var length = clauses.Sum(c => c.ToString().Length) + ((clauses.Length - 1) * SearchSyntax.Separator.Length);
        return length > SearchSyntax.MaxQueryLength
            ? $"search query is longer than {SearchSyntax.MaxQueryLength} characters"
            : null;
    }
}
