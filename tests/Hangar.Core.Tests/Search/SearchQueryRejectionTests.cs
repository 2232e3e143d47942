using Hangar.Core.Search;
using Xunit;

namespace Hangar.Core.Tests.Search;

public class SearchQueryRejectionTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_EmptyQuery_ReturnsError(string text) =>
        AssertError(text, "search query is empty");

    [Fact]
    public void Parse_SixClauses_ReturnsError() =>
        AssertError("a:1 and b:2 and c:3 and d:4 and e:5 and f:6", "at most 5 clauses are allowed");

    [Fact]
    public void Parse_UnterminatedQuote_ReturnsPositionOfQuote() =>
        AssertError("status:'abc", "unterminated string starting at position 7");

    [Fact]
    public void Parse_BackslashAtEndOfInput_ReturnsUnterminatedString() =>
        AssertError(@"name:'abc\", "unterminated string starting at position 5");

    [Fact]
    public void Parse_EscapedClosingQuote_ReturnsUnterminatedString() =>
        AssertError(@"name:'abc\'", "unterminated string starting at position 5");

    [Fact]
    public void Parse_BadEscape_ReturnsPositionOfBackslash() =>
        AssertError(@"name:'a\nb'", @"invalid escape '\n' at position 7 (only \' and \\ are allowed in strings)");

    [Fact]
    public void Parse_EscapedControlCharacter_NamesItInsteadOfEchoing() =>
        AssertError("name:'a\\\nb'", @"invalid escape (backslash before U+000A) at position 7 (only \' and \\ are allowed in strings)");

    [Theory]
    [InlineData("name:'x' and", 12)]
    [InlineData("name:'x' and ", 13)]
    public void Parse_TrailingAnd_ReturnsError(string text, int position) =>
        AssertError(text, $"expected a clause after ' and ' at position {position}");

    [Fact]
    public void Parse_Or_ReturnsError() =>
        AssertError("name:'a' or name:'b'", "'or' is not supported at position 9; clauses can only be joined with ' and '");

    [Theory]
    [InlineData("name:'a'  and b:1", 8)]
    [InlineData("name:'a' AND b:1", 8)]
    [InlineData("name:'a'and b:1", 8)]
    [InlineData("name:'a'x", 8)]
    [InlineData("name:'x' ", 8)]
    [InlineData("inserted_at>='2023-01-01T00:00:00Z' && a:1", 35)]
    public void Parse_MissingSeparator_ReturnsPosition(string text, int position) =>
        AssertError(text, $"expected ' and ' between clauses at position {position}");

    [Theory]
    [InlineData("name!'x'", 4)]
    [InlineData("name='x'", 4)]
    [InlineData("name 'x'", 4)]
    [InlineData("a:1 and b=>2", 9)]
    public void Parse_UnknownOperator_ReturnsPosition(string text, int position) =>
        AssertError(text, $"unknown operator at position {position} (operators are : - ~ < <= > >=)");

    [Fact]
    public void Parse_FieldWithoutOperator_ReturnsError() =>
        AssertError("name", "expected an operator after field 'name' at position 4");

    [Theory]
    [InlineData("name:", 5)]
    [InlineData("name: and a:1", 5)]
    public void Parse_MissingValue_ReturnsError(string text, int position) =>
        AssertError(text, $"expected a value at position {position}");

    [Fact]
    public void Parse_TooLongString_ReturnsError() =>
        AssertError($"name:'{new string('v', 1025)}'", "value longer than 1024 characters at position 5");

    [Fact]
    public void Parse_TooLongNumber_ReturnsError() =>
        AssertError($"size:{new string('1', 1025)}", "value longer than 1024 characters at position 5");

    [Fact]
    public void Parse_TooLongQuery_ReturnsError() =>
        AssertError($"name:'{new string('v', 4091)}'", "search query is 4098 characters long; at most 4096 are allowed");

    [Fact]
    public void Parse_TooLongField_ReturnsError() =>
        AssertError($"{new string('f', 65)}:1", "field name longer than 64 characters at position 0");

    [Theory]
    [InlineData("Name:'x'", "field names are lowercase: unexpected 'N' at position 0")]
    [InlineData("naMe:'x'", "field names are lowercase: unexpected 'M' at position 2")]
    [InlineData("a:1 and B:2", "field names are lowercase: unexpected 'B' at position 8")]
    public void Parse_UppercaseField_ReturnsError(string text, string error) =>
        AssertError(text, error);

    [Theory]
    [InlineData("1name:'x'", 0)]
    [InlineData("_name:'x'", 0)]
    [InlineData(" name:'x'", 0)]
    [InlineData("a:1 and :2", 8)]
    public void Parse_BadFieldStart_ReturnsError(string text, int position) =>
        AssertError(text, $"expected a field name at position {position}");

    [Theory]
    [InlineData("name:abc")]
    [InlineData("name:True")]
    [InlineData("size:1.")]
    [InlineData("size:.5")]
    [InlineData("size:1e5")]
    [InlineData("size:-")]
    [InlineData("size:1,5")]
    public void Parse_UnquotedValue_ReturnsError(string text) =>
        AssertError(text, "invalid value at position 5 (quote strings like 'text'; booleans are true or false; numbers look like -12.5)");

    [Fact]
    public void Parse_DoubleQuotedString_ReturnsError() =>
        AssertError("name:\"x\"", "strings must be single-quoted at position 5");

    [Fact]
    public void Parse_NumberBeyondDecimal_ReturnsError() =>
        AssertError("size:79228162514264337593543950336", "number out of range at position 5");

    private static void AssertError(string text, string expected)
    {
        var result = SearchQuery.Parse(text);

        Assert.False(result.Succeeded);
        Assert.Null(result.Query);
        Assert.Equal(expected, result.Error);
    }
}
