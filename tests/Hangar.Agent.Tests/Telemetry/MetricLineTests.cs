using Hangar.Agent.Telemetry;

namespace Hangar.Agent.Tests.Telemetry;

/// <summary>The metric line format: <c>name value [unit] [label=value…]</c>, and the lines skipped for breaking the server's limits.</summary>
public sealed class MetricLineTests
{
    private static readonly DateTime Now = new(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void NameAndValue_IsAPointAtNow()
    {
        var point = MetricLine.Parse("app.requests 42", Now, out var error);

        Assert.Null(error);
        Assert.Equal(("app.requests", 42.0, Now, (string?)null), (point!.Name, point.Value, point.Time, point.Unit));
        Assert.Null(point.Labels);
    }

    [Fact]
    public void UnitAndLabels_AreRead_TheUnitBeingTheThirdFieldWithoutEquals()
    {
        var point = MetricLine.Parse("  app.queue_length\t-1.5e3 {item}  queue=inbound shard=a-1 ", Now, out _);

        Assert.Equal(-1500, point!.Value);
        Assert.Equal("{item}", point.Unit);
        Assert.Equal(new Dictionary<string, string> { ["queue"] = "inbound", ["shard"] = "a-1" }, point.Labels);
    }

    [Fact]
    public void LabelsWithoutAUnit_AreLabels()
    {
        var point = MetricLine.Parse("app.up 1 site=lab", Now, out _);

        Assert.Null(point!.Unit);
        Assert.Equal("lab", point.Labels!["site"]);
    }

    [Theory]
    [InlineData("app.requests")]
    [InlineData("App.Requests 1")]
    [InlineData("1app 1")]
    [InlineData("heartbeat.load1 1")]
    [InlineData("app.requests many")]
    [InlineData("app.requests NaN")]
    [InlineData("app.requests Infinity")]
    [InlineData("app.requests 1 s Queue=in")]
    [InlineData("app.requests 1 s queue=")]
    [InlineData("app.requests 1 s queue")]
    [InlineData("app.requests 1 s a=1 a=2")]
    [InlineData("app.requests 1 s a=1 b=2 c=3 d=4 e=5 f=6 g=7 h=8 i=9")]
    [InlineData("app.requests 1 a_unit_that_is_longer_than_32_chars")]
    public void LineBreakingTheFormatOrALimit_IsSkipped_WithAReason(string line)
    {
        Assert.Null(MetricLine.Parse(line, Now, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
