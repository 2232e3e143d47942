using System.Text.Json.Nodes;

namespace Hangar.Agent.Installers;

/// <summary>
/// What a binary's custom metadata says about its installation, under the <c>hangar</c> key:
/// <c>{"hangar": {"installer": "file", "options": {...}, "reboot_required": false}}</c>.
/// </summary>
public sealed record InstallerMetadata(string Installer, JsonObject Options, bool? RebootRequired)
{
    public static bool TryRead(JsonObject? customMetadata, out InstallerMetadata metadata, out string error)
    {
        metadata = new InstallerMetadata("", [], null);
        error = "";
        if (customMetadata?["hangar"] is not JsonObject hangar)
        {
            error = "custom metadata has no \"hangar\" object naming an installer";
            return false;
        }

        if (hangar["installer"] is not JsonValue installerValue || !installerValue.TryGetValue<string>(out var installer) || installer.Length == 0)
        {
            error = "hangar.installer must be a non-empty string";
            return false;
        }

        JsonObject options = [];
        if (hangar["options"] is { } optionsNode)
        {
            if (optionsNode is not JsonObject optionsObject)
            {
                error = "hangar.options must be an object";
                return false;
            }

            options = (JsonObject)optionsObject.DeepClone();
        }

        bool? reboot = null;
        if (hangar["reboot_required"] is { } rebootNode)
        {
            if (rebootNode is not JsonValue rebootValue || !rebootValue.TryGetValue<bool>(out var rebootFlag))
            {
                error = "hangar.reboot_required must be true or false";
                return false;
            }

            reboot = rebootFlag;
        }

        metadata = new InstallerMetadata(installer, options, reboot);
        return true;
    }

    /// <summary>A string option, or null when absent; false when present but not a string.</summary>
    public static bool TryGetString(JsonObject options, string name, out string? value)
    {
        value = null;
        if (options[name] is null)
        {
            return true;
        }

        return options[name] is JsonValue node && node.TryGetValue(out value);
    }
}
