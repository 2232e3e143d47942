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

    public IQueryable<T> Apply(IQueryable<T> query, SearchQuery search)
    {
        foreach (var clause in search.Clauses)
        {
            query = query.Where(SearchPredicate.Build<T>(_columns[clause.Field], clause));
        }

        return query;
    }

    private SearchFields<T> Add(string name, SearchFieldType type, LambdaExpression column, SearchOperator[] operators)
    {
        Schema = operators.Length == 0 ? Schema.Field(name, type) : Schema.Field(name, type, operators);
        _columns[name] = column;
        return this;
    }
}
