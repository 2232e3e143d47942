namespace Hangar.Console.Tests;

/// <summary>
/// Points reach the rollups that fleet metrics read through the server's write queue and its periodic roll-up (every
/// second on the test server, ConsoleServer), moments after a device's batch was accepted: a page showing fleet metrics
/// is opened once they are there.
/// </summary>
internal static class Rollups
{
    public static async Task WaitForAsync(ConsoleServer server, string metric, string groupBy, string key, int devices)
    {
        var cancel = TestContext.Current.CancellationToken;
        for (var attempt = 0; ((await server.Api.Telemetry.FleetMetricsAsync(metric, groupBy, cancellationToken: cancel))
            .Groups.FirstOrDefault(group => group.Key == key)?.Devices ?? 0) < devices; attempt++)
        {
            Assert.True(attempt < 600, $"{metric} of {devices} devices never reached the rollups of {groupBy} {key}");
            await Task.Delay(100, cancel);
        }
    }
}
