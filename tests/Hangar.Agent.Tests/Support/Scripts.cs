using System.Diagnostics;
using System.Text;

namespace Hangar.Agent.Tests.Support;

/// <summary>Executable shell scripts written for a test: stand-ins for tools that cannot run here, health checks.</summary>
public static class Scripts
{
    public static string Write(string path, string body)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the agent and its tests are for Linux");
        }

        // The executable is written by a child process, never by this one. Tests run in parallel, and a Process.Start
        // here forks this process with every open descriptor, a script's write handle included, until the child's
        // exec closes it; running the script meanwhile fails with "Text file busy" (ETXTBSY). The draft is never run.
        var draft = path + ".draft";
        File.WriteAllText(draft, "#!/bin/sh\n" + body + "\n", Encoding.ASCII);
        using (var copy = Process.Start(new ProcessStartInfo("cp", [draft, path]) { UseShellExecute = false })!)
        {
            copy.WaitForExit();
            if (copy.ExitCode != 0)
            {
                throw new IOException($"cp {draft} {path} exited with code {copy.ExitCode}");
            }
        }

        File.Delete(draft);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>A stand-in that appends its arguments (one line, space separated) to <paramref name="record"/> and exits with <paramref name="exitCode"/>.</summary>
    public static string Recording(string path, string record, int exitCode = 0) =>
        Write(path, $"echo \"$@\" >> '{record}'\necho standing in for a real tool\nexit {exitCode}");
}
