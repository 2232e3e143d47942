using Hangar.Agent.Configuration;
using Hangar.Agent.Hosting;
using Hangar.Agent.State;
using Hangar.Agent.TrialBoot;
using Hangar.Agent.Updates;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Agent.Tests.Updates;

/// <summary>
/// The agent's parts as <c>hangar-agent</c> wires them (<see cref="AgentServices"/>), without the timed loop, so a
/// test decides when each check happens. Disposing and booting again is a (simulated) reboot.
/// </summary>
public sealed class BootedAgent : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private BootedAgent(ServiceProvider services) => _services = services;

    public StateStore Store => _services.GetRequiredService<StateStore>();

    public SimulatedSlots Slots => _services.GetRequiredService<SimulatedSlots>();

    public UpdateCheckCycle Cycle => _services.GetRequiredService<UpdateCheckCycle>();

    public TrialBootCoordinator Coordinator => _services.GetRequiredService<TrialBootCoordinator>();

    public StatusReporter Reporter => _services.GetRequiredService<StatusReporter>();

    public UpdateRunner Runner => _services.GetRequiredService<UpdateRunner>();

    public DeviceApi Api => _services.GetRequiredService<DeviceApi>();

    public static BootedAgent Boot(AgentConfig config, Action<IServiceCollection>? replace = null)
    {
        var services = new ServiceCollection().AddLogging().AddHangarAgent(config, new AgentRun());
        replace?.Invoke(services);
        return new BootedAgent(services.BuildServiceProvider());
    }

    /// <summary>What a start of the agent does first: finish the pending install, then send what is queued.</summary>
    public async Task<TrialBootOutcome> ResumeAsync()
    {
        var outcome = await Coordinator.ResumeAsync(TestContext.Current.CancellationToken);
        await Reporter.FlushAsync(TestContext.Current.CancellationToken);
        return outcome;
    }

    public Task<UpdateRunOutcome> CheckAsync() => Cycle.RunAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
