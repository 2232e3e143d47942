using System.Linq.Expressions;
using System.Reflection;
using Hangar.Core.Search;

namespace Hangar.Server.Hosting.Lists;

/// <summary>
/// Builds the WHERE clause for one search clause. Case-insensitive substring uses lower() on both sides, which both
/// SQLite and PostgreSQL translate; string ordering uses string.Compare, which both translate to plain comparison.
/// </summary>
internal static class SearchPredicate
{
    private static readonly MethodInfo StringContains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo StringToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    public static Expression<Func<T, bool>> Build<T>(LambdaExpression column, SearchClause clause)
    {
        var body = column.Body;
        if (body.Type.IsEnum)
        {
            return Expression.Lambda<Func<T, bool>>(EnumEquals(body, clause.Value.Text!), column.Parameters);
        }

        if (clause.Value.Kind == SearchValueKind.Number && decimal.Truncate(clause.Value.Number) != clause.Value.Number)
        {
            // A fractional value on a whole-number column: rounding it would change what < and > mean.
            if (!TryWholeNumberBound(ref clause))
            {
                return Expression.Lambda<Func<T, bool>>(Expression.Constant(false), column.Parameters);
            }
        }

        var constant = Value(clause.Value, body.Type);
        var predicate = body.Type == typeof(string) ? StringPredicate(body, clause.Operator, constant) : Compare(body, clause.Operator, constant);
        if (body.Type == typeof(string) || Nullable.GetUnderlyingType(body.Type) is not null)
        {
            predicate = Expression.AndAlso(Expression.NotEqual(body, Expression.Constant(null, body.Type)), predicate);
        }

        return Expression.Lambda<Func<T, bool>>(predicate, column.Parameters);
    }

    /// <summary>
    /// Restates a comparison with a fractional bound over whole numbers: x &lt; 1.5 is x &lt; 2, x &lt;= 1.5 is x &lt;= 1,
    /// x &gt; 1.5 is x &gt; 1, x &gt;= 1.5 is x &gt;= 2. Equality with a fraction matches nothing (false).
    /// </summary>
    private static bool TryWholeNumberBound(ref SearchClause clause)
    {
        var value = clause.Value.Number;
        decimal? bound = clause.Operator switch
        {
            SearchOperator.LessThan or SearchOperator.GreaterThanOrEqual => decimal.Ceiling(value),
            SearchOperator.LessThanOrEqual or SearchOperator.GreaterThan => decimal.Floor(value),
            _ => null,
        };
        if (bound is null)
        {
            return false;
        }

        clause = clause with { Value = SearchValue.FromNumber(bound.Value) };
        return true;
    }

    private static Expression StringPredicate(Expression column, SearchOperator op, Expression value) => op switch
    {
        SearchOperator.Equals => Expression.Equal(column, value),
        SearchOperator.Contains => Expression.Call(column, StringContains, value),
        SearchOperator.ContainsIgnoreCase => Expression.Call(Expression.Call(column, StringToLower), StringContains, Expression.Call(value, StringToLower)),
        _ => Compare(Expression.Call(StringCompare, column, value), op, Expression.Constant(0)),
    };

    private static BinaryExpression Compare(Expression left, SearchOperator op, Expression right) => op switch
    {
        SearchOperator.Equals => Expression.Equal(left, right),
        SearchOperator.LessThan => Expression.LessThan(left, right),
        SearchOperator.LessThanOrEqual => Expression.LessThanOrEqual(left, right),
        SearchOperator.GreaterThan => Expression.GreaterThan(left, right),
        SearchOperator.GreaterThanOrEqual => Expression.GreaterThanOrEqual(left, right),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "substring operators apply to strings only"),
    };

    // Enums are stored by their wire names (lowercase words), which is also how clients spell them.
    private static Expression EnumEquals(Expression column, string text)
    {
        var value = System.Enum.GetValues(column.Type).Cast<object>()
            .FirstOrDefault(v => string.Equals(v.ToString(), text, StringComparison.OrdinalIgnoreCase) && text.All(char.IsLower));
        if (value is null)
        {
            return Expression.Constant(false);
        }

        var holder = Activator.CreateInstance(typeof(Parameter<>).MakeGenericType(column.Type), value)!;
        return Expression.Equal(column, Expression.Property(Expression.Constant(holder), "Value"));
    }

    // Values are captured in a closure object rather than inlined so EF sends them as parameters.
    private static Expression Value(SearchValue value, Type columnType)
    {
        var type = Nullable.GetUnderlyingType(columnType) ?? columnType;
        object boxed = value.Kind switch
        {
            SearchValueKind.String when type == typeof(Guid) => Guid.Parse(value.Text!),
            SearchValueKind.String => value.Text!,
            SearchValueKind.Boolean => value.Boolean,
            SearchValueKind.Number => Convert.ChangeType(value.Number, type, System.Globalization.CultureInfo.InvariantCulture),
            SearchValueKind.DateTime => value.DateTime,
            _ => throw new ArgumentOutOfRangeException(nameof(value), value.Kind, null),
        };
        var holder = Activator.CreateInstance(typeof(Parameter<>).MakeGenericType(type), boxed)!;
        Expression parameter = Expression.Property(Expression.Constant(holder), "Value");
        return parameter.Type == columnType ? parameter : Expression.Convert(parameter, columnType);
    }

    private sealed class Parameter<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }
}
