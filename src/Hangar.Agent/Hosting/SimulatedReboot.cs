using System.Runtime.InteropServices;

namespace Hangar.Agent.Hosting;

/// <summary>
/// With simulated slots a reboot is the agent starting again: it replaces itself with a fresh copy of the same
/// program and arguments (<c>execv</c>), so a harness or a shell sees one long-running process, as on a device.
/// </summary>
internal static partial class SimulatedReboot
{
    /// <summary>Returns only when the exec failed, with the reason.</summary>
    public static string Exec()
    {
        var program = Environment.ProcessPath ?? "/proc/self/exe";
        var arguments = Environment.GetCommandLineArgs();
        // Under `dotnet hangar-agent.dll` the first argument is the assembly the host must be given again.
        string?[] argv = Path.GetFileNameWithoutExtension(program) == "dotnet"
            ? [program, .. arguments, null]
            : [program, .. arguments[1..], null];
        _ = Execv(program, argv);
        return $"execv {program}: errno {Marshal.GetLastPInvokeError()}";
    }

    [LibraryImport("libc", EntryPoint = "execv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Execv(string path, string?[] argv);
}
