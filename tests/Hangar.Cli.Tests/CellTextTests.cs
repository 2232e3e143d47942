using Hangar.Cli.Output;
using Xunit;

namespace Hangar.Cli.Tests;

public sealed class CellTextTests
{
    [Fact]
    public void Times_AreIso8601Utc_WithZ_WhateverTheyCarry()
    {
        Assert.Equal("2027-05-12T07:52:28Z", CellText.Format(new DateTime(2027, 5, 12, 7, 52, 28, DateTimeKind.Utc)));
        Assert.Equal("2027-05-12T07:52:28Z", CellText.Format(new DateTimeOffset(2027, 5, 12, 7, 52, 28, TimeSpan.Zero)));
        Assert.Equal("2027-05-12T07:52:28Z", CellText.Format(new DateTimeOffset(2027, 5, 12, 9, 52, 28, TimeSpan.FromHours(2))));
    }

    [Fact]
    public void Booleans_AreLowercase()
    {
        Assert.Equal("true", CellText.Format(true));
        Assert.Equal("false", CellText.Format(false));
    }

    [Theory]
    [InlineData(0, "0 parts")]
    [InlineData(1, "1 part")]
    [InlineData(2, "2 parts")]
    public void Counts_HaveTheRightNumber(long count, string text) => Assert.Equal(text, Counted.Of(count, "part"));
}
