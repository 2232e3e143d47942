namespace Hangar.Core.Search;

public sealed record SearchClause(string Field, SearchOperator Operator, SearchValue Value)
{
    // Query syntax rather than the record dump, so a query's text is the join of its clauses.
    public override string ToString() => Field + SearchSyntax.Token(Operator) + Value;
}
