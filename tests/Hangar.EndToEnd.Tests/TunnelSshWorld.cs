using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Hangar.EndToEnd.Tests;

/// <summary>
/// What the tunnel tests share, started once for the class: the server process, a real OpenSSH server, and
/// <see cref="SharedDevice"/>'s published agent with tunnels enabled to the SSH port only.
/// </summary>
public sealed class TunnelSshWorld : IAsyncLifetime
{
    public const string SharedDevice = "gw-ssh-1";
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(90);

    private readonly string _directory = Directory.CreateTempSubdirectory("hangar-e2e-ssh-").FullName;

    internal OtaWorld World { get; private set; } = null!;

    internal OpenSshServer Sshd { get; private set; } = null!;

    internal RunningProcess Agent { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // xUnit disposes a fixture whose start failed, so whatever did start is stopped there.
        Sshd = await OpenSshServer.StartAsync(Path.Combine(_directory, "sshd"), TestContext.Current.CancellationToken);
        World = await OtaWorld.StartAsync(Path.Combine(_directory, "world"));
        Agent = await StartAgentAsync(SharedDevice);
    }

    /// <summary>Provisions a device whose agent allows tunnels to the SSH port only, starts it and waits until it is online.</summary>
    internal async Task<RunningProcess> StartAgentAsync(string identifier)
    {
        var config = await World.ProvisionAsync(identifier, c => c["tunnels"] = new JsonObject
        {
            ["enabled"] = true,
            ["allowed_ports"] = new JsonArray(Sshd.Port),
        });
        var agent = OtaWorld.StartAgent(config);
        try
        {
            var deadline = Stopwatch.StartNew();
            while (true)
            {
                var devices = (await World.Client.Devices.ListAsync(new Client.ListOptions(Search: $"identifier:'{identifier}'"), TestContext.Current.CancellationToken)).Data;
                if (devices.Count == 1 && devices[0].Presence.Online)
                {
                    return agent;
                }

                Assert.True(deadline.Elapsed < StepTimeout && !agent.HasExited, $"{identifier} never came online; agent output:\n{agent.Output}");
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }
        }
        catch
        {
            await agent.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Agent is not null)
        {
            await Agent.DisposeAsync();
        }

        if (World is not null)
        {
            await World.DisposeAsync();
        }

        if (Sshd is not null)
        {
            await Sshd.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }
}
