using System.Diagnostics;

namespace Hangar.Server.Tests.Firmware;

/// <summary>A real, small file system (tmpfs) that a test can fill up; mounting needs root, as the test machines run.</summary>
internal sealed class TinyDisk : IAsyncDisposable
{
    private TinyDisk(string path) => Path = path;

    public string Path { get; }

    public static async Task<TinyDisk> MountAsync(int megabytes)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess, "mounting a tmpfs needs root on Linux");
        var path = Directory.CreateTempSubdirectory("hangar-tiny-disk-").FullName;
        await RunAsync("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", path);
        return new TinyDisk(path);
    }

    public async ValueTask DisposeAsync()
    {
        await RunAsync("umount", Path);
        Directory.Delete(Path);
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, UseShellExecute = false })!;
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)}: {error}");
    }
}
