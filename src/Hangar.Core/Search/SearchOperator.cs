namespace Hangar.Core.Search;

// The query-syntax token of each operator is in SearchSyntax.Token.
public enum SearchOperator
{
    Equals,
    ContainsIgnoreCase,
    Contains,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
}
