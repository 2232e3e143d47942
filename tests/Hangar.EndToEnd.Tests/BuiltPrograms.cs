namespace Hangar.EndToEnd.Tests;

/// <summary>
/// Where the build put the server and CLI, in the same configuration (Debug/Release) as these tests, and where
/// <c>scripts/publish-agent</c> put the NativeAOT agent.
/// </summary>
internal static class BuiltPrograms
{
    public static string Server => Find("src/Hangar.Server", "hangar-server.dll");

    public static string Cli => Find("src/Hangar.Cli", "hangar.dll");

    public static string Agent
    {
        get
        {
            var path = Path.Combine(RepositoryRoot, "artifacts", "agent", "hangar-agent");
            return File.Exists(path) ? path : throw new FileNotFoundException("run scripts/publish-agent first (./scripts/test does)", path);
        }
    }

    /// <summary>The guide the quickstart test runs.</summary>
    public static string Quickstart => Path.Combine(RepositoryRoot, "docs", "quickstart.md");

    // .../tests/Hangar.EndToEnd.Tests/bin/<Configuration>/net10.0/
    private static string RepositoryRoot => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!.Parent!.Parent!.Parent!.FullName;

    private static string Find(string project, string assembly)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory);
        var path = Path.Combine(RepositoryRoot, project, "bin", output.Parent!.Name, output.Name, assembly);
        return File.Exists(path) ? path : throw new FileNotFoundException($"build {project} first", path);
    }
}
