namespace Hangar.Agent.Hosting;

/// <summary>How this run of the agent ended, for <see cref="AgentProgram"/> once the host stopped.</summary>
public sealed class AgentRun
{
    /// <summary>The agent stopped to let the device reboot into a trial (or, with simulated slots, to be that reboot).</summary>
    public bool RebootRequested { get; set; }
}
