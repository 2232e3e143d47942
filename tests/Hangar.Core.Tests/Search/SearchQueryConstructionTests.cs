using Hangar.Core.Search;
using Xunit;

namespace Hangar.Core.Tests.Search;

public class SearchQueryConstructionTests
{
    private static readonly SearchClause Valid = new("name", SearchOperator.Equals, SearchValue.FromString("x"));

    [Fact]
    public void Constructor_NoClauses_Throws() =>
        Assert.Throws<ArgumentException>(() => new SearchQuery([]));

    [Fact]
    public void Constructor_SixClauses_Throws() =>
        Assert.Throws<ArgumentException>(() => new SearchQuery(Enumerable.Repeat(Valid, 6)));

    [Theory]
    [InlineData("Name")]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("a-b")]
    public void Constructor_InvalidField_Throws(string field) =>
        Assert.Throws<ArgumentException>(() => new SearchQuery([Valid with { Field = field }]));

    [Fact]
    public void Constructor_NullField_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => new SearchQuery([Valid with { Field = null! }]));

    [Fact]
    public void Constructor_TooLongValue_Throws() =>
        Assert.Throws<ArgumentException>(
            () => new SearchQuery([Valid with { Value = SearchValue.FromString(new string('v', 1025)) }]));

    [Fact]
    public void Constructor_CanonicalTextOver4096_Throws() =>
        Assert.Throws<ArgumentException>(
            () => new SearchQuery(Enumerable.Repeat(Valid with { Value = SearchValue.FromString(new string('\'', 1000)) }, 3)));

    [Fact]
    public void Equals_SameClauses_AreEqualWithSameHash()
    {
        var first = new SearchQuery([Valid, Valid with { Field = "other" }]);
        var second = new SearchQuery([Valid, Valid with { Field = "other" }]);

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Equals_DifferentOrder_AreNotEqual() =>
        Assert.NotEqual(
            new SearchQuery([Valid, Valid with { Field = "other" }]),
            new SearchQuery([Valid with { Field = "other" }, Valid]));
}
