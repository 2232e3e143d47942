using System.Collections.Frozen;

namespace Hangar.Core.Search;

// The fields one endpoint lets clients search, with their types and operators.
// Immutable: Field returns a new schema, so a schema kept in a static field is safe to share across requests.
public sealed class SearchSchema
{
    private static readonly SearchOperator[] Comparisons =
    [
        SearchOperator.Equals,
        SearchOperator.LessThan,
        SearchOperator.LessThanOrEqual,
        SearchOperator.GreaterThan,
        SearchOperator.GreaterThanOrEqual,
    ];

    private readonly IReadOnlyList<SearchFieldDefinition> _fields;
    private readonly Dictionary<string, SearchFieldDefinition> _byName;

    public SearchSchema()
        : this([])
    {
    }

    private SearchSchema(IReadOnlyList<SearchFieldDefinition> fields)
    {
        _fields = fields;
        _byName = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        FieldNames = fields.Select(f => f.Name).ToArray().AsReadOnly();
    }

    // In declaration order, which is also the order error messages list them in.
    public IReadOnlyCollection<string> FieldNames { get; }

    public SearchSchema Field(string name, SearchFieldType type) => Field(name, type, DefaultOperators(type));

    public SearchSchema Field(string name, SearchFieldType type, params IEnumerable<SearchOperator> operators)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(operators);
        if (!SearchSyntax.IsValidFieldName(name))
        {
            throw new ArgumentException($"'{name}' is not a valid search field name", nameof(name));
        }

        if (_byName.ContainsKey(name))
        {
            throw new ArgumentException($"search field '{name}' is already declared", nameof(name));
        }

        if (!Enum.IsDefined(type))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "unknown search field type");
        }

        var set = operators.ToFrozenSet();
        if (set.Count == 0 || set.Any(op => !Enum.IsDefined(op)))
        {
            throw new ArgumentException($"search field '{name}' needs at least one known operator", nameof(operators));
        }

        // Substring matching has no meaning for a boolean, number, date-time or UUID column.
        if (type != SearchFieldType.String && set.Any(SearchSyntax.IsSubstring))
        {
            throw new ArgumentException($"substring operators are only allowed on string fields, not on '{name}'", nameof(operators));
        }

        return new SearchSchema([.. _fields, new SearchFieldDefinition(name, type, set)]);
    }

    // Checks every clause and reports every problem at once, so a client can fix its query in one round trip.
    public SearchSchemaResult Validate(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new List<string>();
        var clauses = new List<SearchClause>(query.Clauses.Count);
        foreach (var clause in query.Clauses)
        {
            if (!_byName.TryGetValue(clause.Field, out var field))
            {
                errors.Add($"unknown field '{clause.Field}' ({AllowedFields()})");
            }
            else if (!field.Operators.Contains(clause.Operator))
            {
                errors.Add($"operator '{SearchSyntax.Token(clause.Operator)}' is not allowed on field '{field.Name}'");
            }
            else if (!SearchValueConverter.TryConvert(field, clause.Value, out var value, out var error))
            {
                errors.Add(error);
            }
            else
            {
                clauses.Add(clause with { Value = value });
            }
        }

        return errors.Count == 0
            ? SearchSchemaResult.Success(new SearchQuery(clauses))
            : SearchSchemaResult.Failure(errors);
    }

    private string AllowedFields() =>
        _fields.Count == 0 ? "no fields are searchable here" : "allowed: " + string.Join(", ", FieldNames);

    private static SearchOperator[] DefaultOperators(SearchFieldType type) => type switch
    {
        SearchFieldType.String => Enum.GetValues<SearchOperator>(),
        SearchFieldType.Number or SearchFieldType.DateTime => Comparisons,
        _ => [SearchOperator.Equals],
    };
}
