using Hangar.Core.Search;
using Xunit;

namespace Hangar.Core.Tests.Search;

public class SearchQueryParseTests
{
    [Theory]
    [InlineData("name:'x'", SearchOperator.Equals)]
    [InlineData("name-'x'", SearchOperator.ContainsIgnoreCase)]
    [InlineData("name~'x'", SearchOperator.Contains)]
    [InlineData("name<'x'", SearchOperator.LessThan)]
    [InlineData("name<='x'", SearchOperator.LessThanOrEqual)]
    [InlineData("name>'x'", SearchOperator.GreaterThan)]
    [InlineData("name>='x'", SearchOperator.GreaterThanOrEqual)]
    public void Parse_EachOperator_ReturnsThatOperator(string text, SearchOperator expected)
    {
        var clause = ParseSingle(text);

        Assert.Equal(new SearchClause("name", expected, SearchValue.FromString("x")), clause);
    }

    [Fact]
    public void Parse_QuotedValue_ReturnsString()
    {
        var clause = ParseSingle("description:'east blue'");

        Assert.Equal(SearchValueKind.String, clause.Value.Kind);
        Assert.Equal("east blue", clause.Value.Text);
    }

    [Theory]
    [InlineData("archived:true", true)]
    [InlineData("archived:false", false)]
    public void Parse_BareBoolean_ReturnsBoolean(string text, bool expected)
    {
        var clause = ParseSingle(text);

        Assert.Equal(SearchValue.FromBoolean(expected), clause.Value);
    }

    [Theory]
    [InlineData("size>=42", "42")]
    [InlineData("size<-7", "-7")]
    [InlineData("size:3.25", "3.25")]
    [InlineData("size>-0.5", "-0.5")]
    [InlineData("size:007", "7")]
    [InlineData("size:79228162514264337593543950335", "79228162514264337593543950335")]
    public void Parse_BareNumber_ReturnsDecimal(string text, string expected)
    {
        var clause = ParseSingle(text);

        Assert.Equal(SearchValue.FromNumber(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)), clause.Value);
    }

    [Fact]
    public void Parse_ContainsIgnoreCaseWithNegativeNumber_SplitsAtFirstDash()
    {
        var clause = ParseSingle("size--5");

        Assert.Equal(new SearchClause("size", SearchOperator.ContainsIgnoreCase, SearchValue.FromNumber(-5m)), clause);
    }

    [Fact]
    public void Parse_QuotedDateTime_StaysStringUntilSchemaValidation()
    {
        var clause = ParseSingle("inserted_at>='2023-01-01T00:00:00Z'");

        Assert.Equal(SearchValue.FromString("2023-01-01T00:00:00Z"), clause.Value);
    }

    [Theory]
    [InlineData(@"name:'it\'s'", "it's")]
    [InlineData(@"name:'back\\slash'", @"back\slash")]
    [InlineData(@"name:'\\\''", @"\'")]
    [InlineData(@"name:''", "")]
    [InlineData("name:'a and b:'", "a and b:")]
    [InlineData("name:'; DROP TABLE x; --'", "; DROP TABLE x; --")]
    public void Parse_EscapesAndSpecialText_DecodesValue(string text, string expected)
    {
        var clause = ParseSingle(text);

        Assert.Equal(expected, clause.Value.Text);
    }

    [Fact]
    public void Parse_PeridioExample_ReturnsTwoClauses()
    {
        var result = SearchQuery.Parse("inserted_at>='2023-01-01T00:00:00Z' and description~'east blue'");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(
            [
                new SearchClause("inserted_at", SearchOperator.GreaterThanOrEqual, SearchValue.FromString("2023-01-01T00:00:00Z")),
                new SearchClause("description", SearchOperator.Contains, SearchValue.FromString("east blue")),
            ],
            result.Query.Clauses);
    }

    [Fact]
    public void Parse_FiveClauses_Succeeds()
    {
        var result = SearchQuery.Parse("a:1 and b:2 and c:3 and d:4 and e.f_9:5");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(5, result.Query.Clauses.Count);
    }

    [Fact]
    public void Parse_LongestFieldAndValue_Succeeds()
    {
        var field = "f" + new string('x', 63);
        var result = SearchQuery.Parse($"{field}:'{new string('v', 1024)}'");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(1024, result.Query.Clauses[0].Value.Text!.Length);
    }

    [Fact]
    public void ToString_ParsedQuery_ReturnsCanonicalText()
    {
        var result = SearchQuery.Parse(@"size:007 and name~'it\'s' and on:true and n>-1.50");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(@"size:7 and name~'it\'s' and on:true and n>-1.50", result.Query.ToString());
    }

    private static SearchClause ParseSingle(string text)
    {
        var result = SearchQuery.Parse(text);
        Assert.True(result.Succeeded, result.Error);
        return Assert.Single(result.Query.Clauses);
    }
}
