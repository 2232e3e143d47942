using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Hangar.Core.Search;

namespace Hangar.Core.Tests.Search;

public class SearchQueryPropertyTests
{
    private static readonly SearchSchema DateSchema = new SearchSchema()
        .Field("inserted_at", SearchFieldType.DateTime)
        .Field("updated_at", SearchFieldType.DateTime);

    [Property(MaxTest = 1000)]
    public Property Parse_CanonicalTextOfAnyValidQuery_ReturnsEqualQuery() =>
        Prop.ForAll(SearchGenerators.Query.ToArbitrary(), query =>
        {
            var result = SearchQuery.Parse(query.ToString());
            return (result.Succeeded && result.Query.Equals(query))
                .Label($"text: {query}\nerror: {result.Error}");
        });

    [Property(MaxTest = 500)]
    public Property Validate_CanonicalTextOfDateTimeQuery_ReturnsEqualQuery()
    {
        var clause =
            from field in Gen.Elements("inserted_at", "updated_at")
            from op in Gen.Elements(SearchOperator.Equals, SearchOperator.LessThan, SearchOperator.GreaterThanOrEqual)
            from value in SearchGenerators.UtcDateTime
            select new SearchClause(field, op, SearchValue.FromDateTime(value));
        var queries =
            from count in Gen.Choose(1, 5)
            from clauses in Gen.ListOf(clause, count)
            select new SearchQuery(clauses);

        return Prop.ForAll(queries.ToArbitrary(), query =>
        {
            var parsed = SearchQuery.Parse(query.ToString());
            var validated = parsed.Succeeded ? DateSchema.Validate(parsed.Query) : null;
            return (validated?.Succeeded == true && validated.Query.Equals(query)).Label($"text: {query}");
        });
    }

    [Property(MaxTest = 1000)]
    public Property Parse_ArbitraryString_ReturnsResultWithoutThrowing() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text => ParsesToConsistentResult(text ?? string.Empty));

    [Property(MaxTest = 2000)]
    public Property Parse_MutatedValidQuery_ReturnsResultWithoutThrowing() =>
        Prop.ForAll(SearchGenerators.MutatedQueryText.ToArbitrary(), ParsesToConsistentResult);

    // Whatever Parse accepts, its canonical text must be accepted too and mean the same thing.
    private static Property ParsesToConsistentResult(string text)
    {
        var result = SearchQuery.Parse(text);
        if (!result.Succeeded)
        {
            return (!string.IsNullOrWhiteSpace(result.Error)).Label($"text: {text}");
        }

        var reparsed = SearchQuery.Parse(result.Query.ToString());
        return (reparsed.Succeeded && reparsed.Query.Equals(result.Query) && result.Error is null)
            .Label($"text: {text}\ncanonical: {result.Query}\nerror: {reparsed.Error}");
    }
}
