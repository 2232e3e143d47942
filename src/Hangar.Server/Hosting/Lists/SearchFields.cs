using System.Linq.Expressions;
using Hangar.Core.Search;

namespace Hangar.Server.Hosting.Lists;

/// <summary>
/// The searchable fields of one list endpoint: the allow-list clients may use (a <see cref="SearchSchema"/>) and,
/// for each field, the column it filters. Values always reach SQL as parameters.
/// </summary>
internal sealed class SearchFields<T>
{
    private readonly Dictionary<string, LambdaExpression> _columns = [];

    public SearchSchema Schema { get; private set; } = new();

    public SearchFields<T> String(string name, Expression<Func<T, string?>> column, params SearchOperator[] operators) =>
        Add(name, SearchFieldType.String, column, operators);

    public SearchFields<T> Boolean(string name, Expression<Func<T, bool>> column) => Add(name, SearchFieldType.Boolean, column, []);

    /// <summary>A nullable flag: <c>x:true</c> and <c>x:false</c> each match only rows holding that value, never null ones.</summary>
    public SearchFields<T> Boolean(string name, Expression<Func<T, bool?>> column) => Add(name, SearchFieldType.Boolean, column, []);

    public SearchFields<T> DateTime(string name, Expression<Func<T, DateTime>> column) => Add(name, SearchFieldType.DateTime, column, []);

    public SearchFields<T> DateTime(string name, Expression<Func<T, DateTime?>> column) => Add(name, SearchFieldType.DateTime, column, []);

    public SearchFields<T> Number(string name, Expression<Func<T, int>> column) => Add(name, SearchFieldType.Number, column, []);

    public SearchFields<T> Number(string name, Expression<Func<T, long>> column) => Add(name, SearchFieldType.Number, column, []);

    public SearchFields<T> Uuid(string name, Expression<Func<T, Guid>> column) => Add(name, SearchFieldType.Uuid, column, []);

    public SearchFields<T> Uuid(string name, Expression<Func<T, Guid?>> column) => Add(name, SearchFieldType.Uuid, column, []);

    /// <summary>An enum column searched by its wire name with <c>:</c>; an unknown name matches nothing.</summary>
    public SearchFields<T> Enum<TEnum>(string name, Expression<Func<T, TEnum>> column)
        where TEnum : struct, System.Enum =>
        Add(name, SearchFieldType.String, column, [SearchOperator.Equals]);

    /// <summary>
    /// A field that matches when any of several values does (e.g. a device's tags, kept in their own table);
    /// <c>tags:'edge'</c> becomes an EXISTS over the related rows on every provider.
    /// </summary>
    public SearchFields<T> AnyString(string name, Expression<Func<T, IEnumerable<string>>> values)
    {
        Schema = Schema.Field(name, SearchFieldType.String, SearchOperator.Equals, SearchOperator.Contains, SearchOperator.ContainsIgnoreCase);
        _columns[name] = values;
        return this;
    }

    public IQueryable<T> Apply(IQueryable<T> query, SearchQuery search)
    {
        foreach (var clause in search.Clauses)
        {
            query = query.Where(Predicate(_columns[clause.Field], clause));
        }

        return query;
    }

    private static Expression<Func<T, bool>> Predicate(LambdaExpression column, SearchClause clause)
    {
        if (column.Body.Type == typeof(string) || !typeof(IEnumerable<string>).IsAssignableFrom(column.Body.Type))
        {
            return SearchPredicate.Build<T>(column, clause);
        }

        Expression<Func<string, string>> identity = value => value;
        var inner = SearchPredicate.Build<string>(identity, clause);
        var any = Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(string)], column.Body, inner);
        return Expression.Lambda<Func<T, bool>>(any, column.Parameters);
    }

    private SearchFields<T> Add(string name, SearchFieldType type, LambdaExpression column, SearchOperator[] operators)
    {
        Schema = operators.Length == 0 ? Schema.Field(name, type) : Schema.Field(name, type, operators);
        _columns[name] = column;
        return this;
    }
}
