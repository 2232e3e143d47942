using System.Security.Cryptography;
using Hangar.Agent.State;
using Hangar.Agent.Updates;
using Hangar.Contracts.Updates;

namespace Hangar.Agent.Tests.Updates;

/// <summary>An update the agent was downloading that the server no longer offers is stopped, its downloads discarded and <c>aborted</c> reported.</summary>
public sealed class AbortedUpdateTests : IAsyncLifetime
{
    private const string SlotMetadata = """{"hangar": {"installer": "slot", "options": {"name": "app.bin"}}}""";
    private AgentFleet _fleet = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _fleet = await AgentFleet.StartAsync();

    public async ValueTask DisposeAsync() => await _fleet.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Check_UpdateBeingDownloadedNoLongerOffered_StopsItAndReportsAborted(bool anotherOffered)
    {
        var (device, config) = await _fleet.DeviceAsync($"dev-gone-{anotherOffered}");
        var release = await _fleet.ReleaseAsync("2.0.0", await _fleet.BinaryAsync(RandomNumberGenerator.GetBytes(5000), SlotMetadata));
        await using var agent = BootedAgent.Boot(config);
        var offered = (await agent.Api.CheckAsync(null, Cancel)).Answer!;
        // A download that cannot finish now: the agent keeps working on the update and resumes at the next check.
        var unreachable = offered with { Manifest = [offered.Manifest[0] with { Url = "https://127.0.0.1:1/gone" }] };
        Assert.Equal(UpdateRunOutcome.Interrupted, await agent.Runner.ApplyAsync(unreachable, Cancel));
        Assert.Equal(release.Id.ToString(), agent.Store.Current.InProgress!.Id);
        Assert.NotEmpty(Directory.EnumerateFiles(config.Directories!.Cache!, "*", SearchOption.AllDirectories));
        var other = offered with { Release = offered.Release! with { Id = Guid.CreateVersion7(), Version = "9.0.0" } };
        var next = anotherOffered ? other with { Manifest = [] } : new UpdateCheckResponse("no_update", null, "the release was halted", null, null, null, [], null);

        await agent.Runner.ApplyAsync(next, Cancel);

        var aborted = agent.Store.Current.Reports.Single(report => report.Status == ReportStatus.Aborted);
        Assert.Equal(release.Id.ToString(), aborted.Update.Id);
        Assert.Contains(anotherOffered ? "offers release 9.0.0" : "no longer offers it (no_update: the release was halted)", aborted.Reason, StringComparison.Ordinal);
        Assert.NotEqual(release.Id.ToString(), agent.Store.Current.InProgress?.Id);
        Assert.Empty(Directory.EnumerateFiles(config.Directories!.Cache!, "*", SearchOption.AllDirectories));
        Assert.Null(agent.Slots.Trial);
        await agent.Reporter.FlushAsync(Cancel);
        Assert.Equal(["downloading", "aborted"], await TransitionsAsync(device.Identifier, release.Id));
    }

    private async Task<IReadOnlyList<string>> TransitionsAsync(string identifier, Guid releaseId)
    {
        var events = await _fleet.Client.Events.ListAsync(new Client.ListOptions(Limit: 100, Search: "type:'update.status_changed'"), Cancel);
        return [.. events.Data.OrderBy(item => item.Time).ThenBy(item => item.Id).Select(item => item.Data)
            .Where(data => data.GetProperty("identifier").GetString() == identifier && data.GetProperty("release_id").GetString() == releaseId.ToString())
            .Select(data => data.GetProperty("to").GetString()!)];
    }
}
