using Hangar.Core.Search;
using Xunit;

namespace Hangar.Core.Tests.Search;

public class SearchSchemaTests
{
    private static readonly SearchSchema Schema = new SearchSchema()
        .Field("name", SearchFieldType.String)
        .Field("inserted_at", SearchFieldType.DateTime)
        .Field("archived", SearchFieldType.Boolean)
        .Field("size", SearchFieldType.Number)
        .Field("id", SearchFieldType.Uuid);

    [Fact]
    public void Validate_PeridioExample_ConvertsDateTime()
    {
        var schema = new SearchSchema()
            .Field("inserted_at", SearchFieldType.DateTime)
            .Field("description", SearchFieldType.String);

        var result = schema.Validate(Parse("inserted_at>='2023-01-01T00:00:00Z' and description~'east blue'"));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Empty(result.Errors);
        var value = result.Query.Clauses[0].Value;
        Assert.Equal(SearchValueKind.DateTime, value.Kind);
        Assert.Equal(new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc), value.DateTime);
        Assert.Equal(DateTimeKind.Utc, value.DateTime.Kind);
        Assert.Equal(SearchValue.FromString("east blue"), result.Query.Clauses[1].Value);
    }

    [Fact]
    public void Validate_ValidatedQuery_ReturnsEqualQuery()
    {
        var once = Schema.Validate(Parse("inserted_at<'2024-02-29T23:59:59Z' and id:'0190A6E2-7A4B-7CDE-8F01-23456789ABCD'"));
        Assert.True(once.Succeeded, string.Join("; ", once.Errors));

        var twice = Schema.Validate(once.Query);

        Assert.True(twice.Succeeded);
        Assert.Equal(once.Query, twice.Query);
    }

    [Fact]
    public void Validate_Uuid_NormalizesToLowercase()
    {
        var result = Schema.Validate(Parse("id:'0190A6E2-7A4B-7CDE-8F01-23456789ABCD'"));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(SearchValue.FromString("0190a6e2-7a4b-7cde-8f01-23456789abcd"), result.Query.Clauses[0].Value);
    }

    [Fact]
    public void Validate_UnknownField_ListsAllowedFields()
    {
        var schema = new SearchSchema()
            .Field("name", SearchFieldType.String)
            .Field("inserted_at", SearchFieldType.DateTime);

        AssertErrors(schema, "foo:'x'", "unknown field 'foo' (allowed: name, inserted_at)");
    }

    [Theory]
    [InlineData("archived~true", "operator '~' is not allowed on field 'archived'")]
    [InlineData("archived>=true", "operator '>=' is not allowed on field 'archived'")]
    [InlineData("size-1", "operator '-' is not allowed on field 'size'")]
    [InlineData("inserted_at~'2023'", "operator '~' is not allowed on field 'inserted_at'")]
    [InlineData("id<'0190a6e2-7a4b-7cde-8f01-23456789abcd'", "operator '<' is not allowed on field 'id'")]
    public void Validate_DisallowedOperator_ReturnsError(string text, string error) =>
        AssertErrors(Schema, text, error);

    [Theory]
    [InlineData("archived:'true'", "field 'archived' expects true or false")]
    [InlineData("archived:1", "field 'archived' expects true or false")]
    [InlineData("inserted_at>='2023-01-01'", "field 'inserted_at' expects a date-time like '2024-01-31T12:00:00Z'")]
    [InlineData("inserted_at>='2023-01-01T00:00:00'", "field 'inserted_at' expects a date-time like '2024-01-31T12:00:00Z'")]
    [InlineData("inserted_at>='2023-01-01T00:00:00.000Z'", "field 'inserted_at' expects a date-time like '2024-01-31T12:00:00Z'")]
    [InlineData("inserted_at>='2023-02-30T00:00:00Z'", "field 'inserted_at' expects a date-time like '2024-01-31T12:00:00Z'")]
    [InlineData("inserted_at>='2023-1-01T00:00:00Z '", "field 'inserted_at' expects a date-time like '2024-01-31T12:00:00Z'")]
    [InlineData("inserted_at>=20230101", "field 'inserted_at' expects a date-time like '2024-01-31T12:00:00Z'")]
    [InlineData("size>'5'", "field 'size' expects a number like 42 or -1.5")]
    [InlineData("name:5", "field 'name' expects a quoted string like 'text'")]
    [InlineData("id:'not-a-uuid'", "field 'id' expects a UUID like '0190a6e2-7a4b-7cde-8f01-23456789abcd'")]
    public void Validate_WrongValueType_ReturnsError(string text, string error) =>
        AssertErrors(Schema, text, error);

    [Fact]
    public void Validate_SeveralBadClauses_ReturnsEveryError() =>
        AssertErrors(
            Schema,
            "foo:1 and archived~true and name:'ok' and size:'x'",
            "unknown field 'foo' (allowed: name, inserted_at, archived, size, id)",
            "operator '~' is not allowed on field 'archived'",
            "field 'size' expects a number like 42 or -1.5");

    [Fact]
    public void Validate_ExplicitOperators_OnlyThoseAllowed()
    {
        var schema = new SearchSchema().Field("name", SearchFieldType.String, SearchOperator.Equals, SearchOperator.ContainsIgnoreCase);

        Assert.True(schema.Validate(Parse("name-'x'")).Succeeded);
        AssertErrors(schema, "name~'x'", "operator '~' is not allowed on field 'name'");
    }

    [Fact]
    public void Validate_DefaultStringOperators_AllowsAllSeven()
    {
        var result = new SearchSchema().Field("name", SearchFieldType.String)
            .Validate(Parse("name:'a' and name-'b' and name~'c' and name<'d' and name>='e'"));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
    }

    [Fact]
    public void FieldNames_ReturnsDeclarationOrder() =>
        Assert.Equal(["name", "inserted_at", "archived", "size", "id"], Schema.FieldNames);

    [Fact]
    public void Field_ReturnsNewSchemaLeavingOriginalUnchanged()
    {
        var original = new SearchSchema().Field("name", SearchFieldType.String);

        var extended = original.Field("size", SearchFieldType.Number);

        Assert.Equal(["name"], original.FieldNames);
        Assert.Equal(["name", "size"], extended.FieldNames);
    }

    [Fact]
    public void Field_Duplicate_Throws() =>
        Assert.Throws<ArgumentException>(() => new SearchSchema().Field("name", SearchFieldType.String).Field("name", SearchFieldType.Uuid));

    [Theory]
    [InlineData("Name")]
    [InlineData("first-name")]
    [InlineData("")]
    public void Field_InvalidName_Throws(string name) =>
        Assert.Throws<ArgumentException>(() => new SearchSchema().Field(name, SearchFieldType.String));

    [Fact]
    public void Field_SubstringOperatorOnNumber_Throws() =>
        Assert.Throws<ArgumentException>(() => new SearchSchema().Field("size", SearchFieldType.Number, SearchOperator.Contains));

    [Fact]
    public void Field_NoOperators_Throws() =>
        Assert.Throws<ArgumentException>(() => new SearchSchema().Field("size", SearchFieldType.Number, []));

    [Fact]
    public void Validate_EmptySchema_SaysNothingIsSearchable() =>
        AssertErrors(new SearchSchema(), "name:'x'", "unknown field 'name' (no fields are searchable here)");

    private static SearchQuery Parse(string text)
    {
        var result = SearchQuery.Parse(text);
        Assert.True(result.Succeeded, result.Error);
        return result.Query;
    }

    private static void AssertErrors(SearchSchema schema, string text, params string[] expected)
    {
        var result = schema.Validate(Parse(text));

        Assert.False(result.Succeeded);
        Assert.Null(result.Query);
        Assert.Equal(expected, result.Errors);
    }
}
