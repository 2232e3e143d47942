using System.Text;

namespace Hangar.Agent.Tests.Support;

/// <summary>Executable shell scripts written for a test: stand-ins for tools that cannot run here, health checks.</summary>
public static class Scripts
{
    public static string Write(string path, string body)
    {
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n", Encoding.ASCII);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the agent and its tests are for Linux");
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>A stand-in that appends its arguments (one line, space separated) to <paramref name="record"/> and exits with <paramref name="exitCode"/>.</summary>
    public static string Recording(string path, string record, int exitCode = 0) =>
        Write(path, $"echo \"$@\" >> '{record}'\necho standing in for a real tool\nexit {exitCode}");
}
