using Hangar.Core.Search;
using Xunit;

namespace Hangar.Core.Tests.Search;

public class SearchValueTests
{
    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("it's", @"'it\'s'")]
    [InlineData(@"a\b", @"'a\\b'")]
    [InlineData("", "''")]
    public void ToString_String_QuotesAndEscapes(string text, string expected) =>
        Assert.Equal(expected, SearchValue.FromString(text).ToString());

    [Fact]
    public void ToString_DateTime_UsesQueryForm() =>
        Assert.Equal(
            "'2024-01-31T12:00:05Z'",
            SearchValue.FromDateTime(new DateTime(2024, 1, 31, 12, 0, 5, DateTimeKind.Utc)).ToString());

    [Fact]
    public void ToString_Number_UsesInvariantCulture() =>
        Assert.Equal("-1234.50", SearchValue.FromNumber(-1234.50m).ToString());

    [Theory]
    [InlineData(DateTimeKind.Local)]
    [InlineData(DateTimeKind.Unspecified)]
    public void FromDateTime_NotUtc_Throws(DateTimeKind kind) =>
        Assert.Throws<ArgumentException>(() => SearchValue.FromDateTime(new DateTime(2024, 1, 31, 0, 0, 0, kind)));

    [Fact]
    public void FromDateTime_SubSecond_Throws() =>
        Assert.Throws<ArgumentException>(
            () => SearchValue.FromDateTime(new DateTime(2024, 1, 31, 0, 0, 0, DateTimeKind.Utc).AddMilliseconds(1)));

    [Fact]
    public void Equals_SameNumberDifferentScale_AreEqual() =>
        Assert.Equal(SearchValue.FromNumber(1.0m), SearchValue.FromNumber(1.00m));

    [Fact]
    public void Equals_StringAndDateTimeWithSameText_AreNotEqual() =>
        Assert.NotEqual(
            SearchValue.FromString("2024-01-31T00:00:00Z"),
            SearchValue.FromDateTime(new DateTime(2024, 1, 31, 0, 0, 0, DateTimeKind.Utc)));
}
