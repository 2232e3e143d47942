using Hangar.Cli.Commands;
using Hangar.Cli.Output;
using Hangar.Contracts.Telemetry;
using Xunit;

namespace Hangar.Cli.Tests;

/// <summary>The metrics command's sparkline (one block per step, gaps as spaces) and its --since durations.</summary>
public sealed class MetricViewsTests
{
    [Fact]
    public void Sparkline_ScalesBetweenMinAndMax_AndLeavesMissingStepsBlank()
    {
        var start = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var series = new MetricSeriesResponse(new Dictionary<string, string>(), null,
            [new MetricPointResponse(start, 0), new MetricPointResponse(start.AddMinutes(1), 7), new MetricPointResponse(start.AddMinutes(3), 14)]);
        var metrics = new DeviceMetricsResponse(Guid.CreateVersion7(), "app.x", start, start.AddMinutes(4), 60, "avg", "1m", [series]);

        Assert.Equal("▁▅ █", MetricViews.Sparkline(metrics, series));
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("30m", 1800)]
    [InlineData("1h", 3600)]
    [InlineData("7d", 604800)]
    public void Since_ReadsNumberAndUnit(string text, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), DevicesMetricsCommand.ParseDuration(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("h")]
    [InlineData("0h")]
    [InlineData("1w")]
    [InlineData("-1h")]
    public void Since_RefusesOtherText(string text) => Assert.Null(DevicesMetricsCommand.ParseDuration(text));
}
