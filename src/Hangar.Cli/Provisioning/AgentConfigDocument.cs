using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hangar.Cli.Provisioning;

/// <summary>
/// The agent configuration `devices provision` writes (the format of docs/agent.md): paths relative to the file, so
/// the directory can be copied onto the device as it is.
/// </summary>
internal static class AgentConfigDocument
{
    public static string Create(ProvisionSettings settings)
    {
        var factory = new JsonObject();
        Add(factory, "release", settings.FactoryRelease);
        Add(factory, "bundle", settings.FactoryBundle);
        Add(factory, "release_version", settings.FactoryReleaseVersion);
        var config = new JsonObject
        {
            ["server"] = new JsonObject { ["url"] = settings.ServerUrl, ["ca_certificate"] = ProvisionFiles.ServerCa },
            ["device"] = new JsonObject { ["certificate"] = ProvisionFiles.Certificate, ["private_key"] = ProvisionFiles.Key },
            ["signing"] = new JsonObject { ["trusted_keys"] = new JsonArray([.. settings.TrustedKeys.Select(key => JsonValue.Create(key))]), ["threshold"] = settings.Threshold },
            ["factory_software"] = factory,
            ["targets"] = new JsonArray([.. settings.Targets.Select(target => JsonValue.Create(target))]),
            ["directories"] = new JsonObject { ["state"] = "state", ["cache"] = "cache" },
        };
        var trial = settings.Trial;
        if (trial.PollIntervalSeconds is not null || trial.PollJitterSeconds is not null)
        {
            var polling = new JsonObject();
            Add(polling, "interval_seconds", trial.PollIntervalSeconds);
            Add(polling, "jitter_seconds", trial.PollJitterSeconds);
            config["polling"] = polling;
        }

        var boot = new JsonObject();
        if (settings.SimulatedSlots)
        {
            // The quickstart's device: the same trial-boot code paths with two directories as the A/B slots.
            config["installers"] = new JsonObject { ["slot"] = new JsonObject { ["default_name"] = "image" } };
            boot["simulated_slots"] = new JsonObject { ["directory"] = "slots" };
        }

        if (trial.HealthCheck is not null)
        {
            boot["health_check_command"] = new JsonArray("/bin/sh", "-c", trial.HealthCheck);
        }

        Add(boot, "max_boot_attempts", trial.MaxBootAttempts);
        if (boot.Count > 0)
        {
            config["boot"] = boot;
        }

        return config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static void Add(JsonObject target, string name, int? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }

    private static void Add(JsonObject target, string name, string? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }
}
