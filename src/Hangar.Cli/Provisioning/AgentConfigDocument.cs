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
        if (settings.SimulatedSlots)
        {
            // The quickstart's device: the same trial-boot code paths with two directories as the A/B slots.
            config["installers"] = new JsonObject { ["slot"] = new JsonObject { ["default_name"] = "image" } };
            config["boot"] = new JsonObject { ["simulated_slots"] = new JsonObject { ["directory"] = "slots" } };
        }

        return config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static void Add(JsonObject target, string name, string? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }
}
