namespace Hangar.Bench.Firmware;

/// <summary>Where the build put the server and CLI, in the same configuration as this program (run it with -c Release).</summary>
internal static class BuiltPrograms
{
    public static string Server => Find("src/Hangar.Server", "hangar-server.dll");

    public static string Cli => Find("src/Hangar.Cli", "hangar.dll");

    private static string Find(string project, string assembly)
    {
        // .../bench/Hangar.Bench/bin/<Configuration>/net10.0/
        var output = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        var root = output.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(root, project, "bin", configuration, framework, assembly);
        return File.Exists(path) ? path : throw new FileNotFoundException($"build {project} first", path);
    }
}
