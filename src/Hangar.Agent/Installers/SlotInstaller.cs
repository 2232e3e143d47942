using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Hangar.Agent.Configuration;
using Hangar.Agent.TrialBoot;

namespace Hangar.Agent.Installers;

/// <summary>
/// Simulated A/B: writes the file into the inactive slot and arms a trial boot of it. Option <c>name</c>: the file
/// name in the slot. A request whose file is already the inactive slot's copy arms that slot without writing.
/// </summary>
public sealed class SlotInstaller(SlotInstallerConfig config, SimulatedSlots slots) : IInstaller
{
    public string Name => "slot";

    public string RunningTarget(string artifact, JsonObject options) => Target(slots.Active, options);

    public string InstallTarget(string artifact, JsonObject options) => Target(slots.Inactive, options);

    /// <summary>
    /// The inactive slot's copy of the binary when its bytes hash to <paramref name="sha256"/> (read now, not taken
    /// from the record), so switching slots needs no download; null otherwise.
    /// </summary>
    public string? VerifiedInactiveCopy(JsonObject options, string sha256)
    {
        if (FileName(options) is not { } name)
        {
            return null;
        }

        var path = Path.Combine(slots.SlotDirectory(slots.Inactive), name);
        if (!File.Exists(path))
        {
            return null;
        }

        using var file = File.OpenRead(path);
        return string.Equals(Convert.ToHexStringLower(SHA256.HashData(file)), sha256, StringComparison.OrdinalIgnoreCase) ? path : null;
    }

    public async Task<InstallOutcome> InstallAsync(InstallRequest request, CancellationToken cancellationToken)
    {
        if (FileName(request.Options) is not { } name)
        {
            return InstallOutcome.Failed("slot installer: option \"name\" must be a plain file name");
        }

        var (slot, written) = await slots.InstallIntoInactiveAsync(request.FilePath, name, cancellationToken);
        return new InstallOutcome(true, true, written
            ? $"wrote {name} into slot {slot} and armed a trial boot of it"
            : $"slot {slot} already held {name} (SHA-256 checked); armed a trial boot of it without a download");
    }

    private string Target(string slot, JsonObject options) => $"slot:{slot}/{FileName(options) ?? config.DefaultName}";

    private string? FileName(JsonObject options) =>
        InstallerMetadata.TryGetString(options, "name", out var name) && InstallersConfigValidator.IsPlainFileName(name ??= config.DefaultName) ? name : null;
}
