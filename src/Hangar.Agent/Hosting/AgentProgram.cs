using Hangar.Agent.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hangar.Agent.Hosting;

/// <summary>
/// <c>hangar-agent [--config PATH] [--check-config] [--log-level LEVEL]</c>. Exit codes: 0 stopped normally (or the configuration is
/// valid), 2 usage or configuration error, 3 libsodium cannot be loaded (it must sit next to the binary), 4 the
/// simulated reboot (re-executing the agent) failed.
/// </summary>
public static class AgentProgram
{
    public const int ExitOk = 0;
    public const int ExitConfiguration = 2;
    public const int ExitPlatform = 3;
    public const int ExitRebootFailed = 4;

    private const string Usage = "usage: hangar-agent [--config PATH] [--check-config] [--log-level trace|debug|information|warning|error|critical|none]";

    public static async Task<int> RunAsync(string[] args)
    {
        var configPath = Environment.GetEnvironmentVariable("HANGAR_AGENT_CONFIG") ?? AgentConfigLoader.DefaultPath;
        var checkOnly = false;
        string? logLevel = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--config" when i + 1 < args.Length:
                    configPath = args[++i];
                    break;
                case "--check-config":
                    checkOnly = true;
                    break;
                case "--log-level" when i + 1 < args.Length && Enum.TryParse<LogLevel>(args[i + 1], ignoreCase: true, out var level) && !int.TryParse(args[i + 1], out _):
                    logLevel = level.ToString();
                    i++;
                    break;
                case "--help" or "-h":
                    await Console.Out.WriteLineAsync(Usage);
                    return ExitOk;
                default:
                    await Console.Error.WriteLineAsync($"hangar-agent: unknown or incomplete argument '{args[i]}' ({Usage})");
                    return ExitConfiguration;
            }
        }

        AgentConfig config;
        try
        {
            config = AgentConfigLoader.Load(configPath);
        }
        catch (AgentConfigException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return ExitConfiguration;
        }
        catch (PlatformNotSupportedException exception)
        {
            // NSec reports a missing or unusable libsodium this way, on the first key it parses.
            await Console.Error.WriteLineAsync($"hangar-agent: cannot load libsodium, which must be next to the binary: {exception.InnerException?.Message ?? exception.Message}");
            return ExitPlatform;
        }

        if (checkOnly)
        {
            await Console.Out.WriteLineAsync($"{configPath}: valid");
            return ExitOk;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        if (logLevel is not null)
        {
            // Over the Logging__LogLevel__Default variable and any appsettings: the command line is the most specific.
            builder.Configuration.AddInMemoryCollection([new("Logging:LogLevel:Default", logLevel)]);
        }

        builder.Services.AddSystemd();
        var run = new AgentRun();
        builder.Services.AddHangarAgent(config, run);
        await builder.Build().RunAsync();
        if (run.RebootRequested && config.Boot.SimulatedSlots is not null)
        {
            // The simulated reboot: the same program starts afresh (same process id, a new boot of the slots).
            await Console.Error.WriteLineAsync($"hangar-agent: simulated reboot failed: {SimulatedReboot.Exec()}");
            return ExitRebootFailed;
        }

        return ExitOk;
    }
}
