using System.Text;
using Hangar.Agent.State;
using Hangar.Storage;

namespace Hangar.Agent.TrialBoot;

/// <summary>
/// A/B slots simulated with directories, for tests and the quickstart. In <c>boot.simulated_slots.directory</c>:
/// <c>a/</c> and <c>b/</c> (the slots), <c>active</c> (the committed slot), <c>trial</c> (the slot armed for trial
/// boots, like a bootloader's upgrade_available), <c>booted</c> (what the last simulated boot chose) and
/// <c>boot_id</c>. Every start of the agent is a boot: <see cref="Boot"/> plays the bootloader and runs the trial
/// slot while it is armed. Markers are written with <see cref="AtomicFile"/>, so power loss leaves each old or new.
/// </summary>
public sealed class SimulatedSlots : IBootControl
{
    private readonly string _directory;
    private readonly Action<AtomicWriteStep, string>? _beforeStep;

    private SimulatedSlots(string directory, string bootId, Action<AtomicWriteStep, string>? beforeStep)
    {
        _directory = directory;
        BootId = bootId;
        _beforeStep = beforeStep;
    }

    public string BootId { get; }

    public string Active => Read("active") ?? "a";

    public string? Trial => Read("trial");

    /// <summary>The slot that is not active: where the next install goes.</summary>
    public string Inactive => Active == "a" ? "b" : "a";

    public string Booted => Read("booted") ?? Active;

    public IReadOnlyDictionary<string, string> HealthCheckEnvironment => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["HANGAR_SLOT"] = Booted,
        ["HANGAR_SLOT_DIRECTORY"] = SlotDirectory(Booted),
    };

    /// <summary>The simulated bootloader: boots the armed trial slot if there is one, else the active slot.</summary>
    public static SimulatedSlots Boot(string directory, TimeProvider time, Action<AtomicWriteStep, string>? beforeStep = null)
    {
        Directory.CreateDirectory(Path.Combine(directory, "a"));
        Directory.CreateDirectory(Path.Combine(directory, "b"));
        var bootId = Guid.CreateVersion7(time.GetUtcNow()).ToString();
        var slots = new SimulatedSlots(directory, bootId, beforeStep);
        slots.Write("booted", slots.Trial ?? slots.Active);
        slots.Write("boot_id", bootId);
        return slots;
    }

    public string SlotDirectory(string slot) => Path.Combine(_directory, slot);

    /// <summary>
    /// Writes the file into the slot that is not active and arms it; returns that slot and whether anything was
    /// written (not when <paramref name="sourcePath"/> is that slot's copy already).
    /// </summary>
    public async Task<(string Slot, bool Written)> InstallIntoInactiveAsync(string sourcePath, string name, CancellationToken cancellationToken)
    {
        var target = Inactive;
        var destination = Path.Combine(SlotDirectory(target), name);
        var written = Path.GetFullPath(sourcePath) != Path.GetFullPath(destination);
        if (written)
        {
            await using var source = File.OpenRead(sourcePath);
            await AtomicFile.WriteAsync(destination, source, _beforeStep, cancellationToken);
        }

        Write("trial", target);
        return (target, written);
    }

    /// <summary>Nothing on disk: the process exits after this and its next start is the next boot.</summary>
    public Task RebootAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task CommitAsync(CancellationToken cancellationToken)
    {
        Write("active", Booted);
        Delete("trial");
        return Task.CompletedTask;
    }

    /// <summary>Disarms the trial slot and "reboots" into the active one at once.</summary>
    public Task RollbackAsync(CancellationToken cancellationToken)
    {
        Delete("trial");
        Write("booted", Active);
        return Task.CompletedTask;
    }

    public Task DiscardInterruptedInstallAsync(CancellationToken cancellationToken) => RollbackAsync(cancellationToken);

    /// <summary>
    /// The marker's value; while a write is between its two renames the marker is absent and its complete
    /// <c>.tmp</c> (or else <c>.prev</c>) holds the value. A value is complete when it ends with a newline.
    /// </summary>
    private string? Read(string marker)
    {
        var path = Path.Combine(_directory, marker);
        foreach (var candidate in new[] { path, AtomicFile.TemporaryPath(path), AtomicFile.PreviousPath(path) })
        {
            if (File.Exists(candidate) && File.ReadAllText(candidate) is { Length: > 1 } text && text.EndsWith('\n'))
            {
                return text.Trim();
            }

            if (candidate == path && File.Exists(path))
            {
                return null;
            }
        }

        return null;
    }

    private void Write(string marker, string value) =>
        AtomicFile.Write(Path.Combine(_directory, marker), Encoding.UTF8.GetBytes(value + "\n"), _beforeStep);

    private void Delete(string marker)
    {
        var path = Path.Combine(_directory, marker);
        _beforeStep?.Invoke(AtomicWriteStep.RenameIntoPlace, path);
        File.Delete(AtomicFile.TemporaryPath(path));
        File.Delete(AtomicFile.PreviousPath(path));
        File.Delete(path);
        FileSync.FlushDirectory(_directory);
    }
}
