using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Hangar.Storage;

/// <summary>
/// Reading and writing a file around the page cache (Linux <c>O_DIRECT</c>, switched on and off on an open handle with
/// <c>fcntl</c>). Staged parts are written once and read once, by the running hash, moments later: through the page
/// cache every byte is first copied into a freshly allocated page, which on a virtual machine whose free memory the host
/// reclaims costs more CPU than both SHA-256 passes of the upload (docs/performance.md). While it is on, every transfer
/// must start at a multiple of <see cref="Alignment"/> in the file and in memory and be a multiple of it long; a read
/// may end early at the end of the file. Where the platform or file system refuses it, files stay buffered.
/// </summary>
public static partial class DirectIo
{
    /// <summary>What direct transfers are aligned to: the largest logical block size of common disks.</summary>
    public const int Alignment = 4096;

    private const int GetStatusFlags = 3; // F_GETFL
    private const int SetStatusFlags = 4; // F_SETFL

    /// <summary>Turns direct transfers on for <paramref name="file"/>; false where they are not available (it stays buffered).</summary>
    public static bool TryEnable(SafeFileHandle file) => DirectFlag is { } flag && TrySetFlag(file, flag, on: true);

    /// <summary>Turns direct transfers off again, for a transfer that cannot be aligned (the tail of a file).</summary>
    public static void Disable(SafeFileHandle file)
    {
        if (DirectFlag is { } flag && !TrySetFlag(file, flag, on: false))
        {
            throw new IOException($"cannot turn off direct I/O on a file (errno {Marshal.GetLastPInvokeError()})");
        }
    }

    /// <summary>Whether direct transfers are on for <paramref name="file"/>.</summary>
    public static bool IsEnabled(SafeFileHandle file) =>
        DirectFlag is { } flag && (Fcntl(Descriptor(file), GetStatusFlags, 0) & flag) != 0;

    /// <summary>Whether a transfer of <paramref name="count"/> bytes at <paramref name="offset"/> may be direct.</summary>
    public static bool IsAligned(long offset, int count) => offset % Alignment == 0 && count % Alignment == 0;

    /// <summary><paramref name="bytes"/> rounded up to a whole number of <see cref="Alignment"/> blocks.</summary>
    public static int RoundUp(int bytes) => (bytes + Alignment - 1) / Alignment * Alignment;

    /// <summary>O_DIRECT's value differs between architectures (asm-generic against x86's own).</summary>
    private static int? DirectFlag => !OperatingSystem.IsLinux() ? null : RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 or Architecture.X86 => 0x4000,
        Architecture.Arm64 or Architecture.Arm => 0x10000,
        _ => null,
    };

    private static bool TrySetFlag(SafeFileHandle file, int flag, bool on)
    {
        var descriptor = Descriptor(file);
        var flags = Fcntl(descriptor, GetStatusFlags, 0);
        if (flags < 0)
        {
            return false;
        }

        var wanted = on ? flags | flag : flags & ~flag;
        return wanted == flags || Fcntl(descriptor, SetStatusFlags, wanted) == 0;
    }

    private static int Descriptor(SafeFileHandle file) => (int)file.DangerousGetHandle();

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int fd, int command, int argument);
}
