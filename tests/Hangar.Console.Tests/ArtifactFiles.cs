namespace Hangar.Console.Tests;

/// <summary>
/// Where the tests leave what people look at afterwards: screenshots under artifacts/console/
/// (ignored by git); scripts/console-docs copies them into docs/.
/// </summary>
internal static class ArtifactFiles
{
    // .../tests/Hangar.Console.Tests/bin/<Configuration>/net10.0/
    public static string RepositoryRoot => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!.Parent!.Parent!.Parent!.FullName;

    public static string PathFor(string name)
    {
        var directory = Path.Combine(RepositoryRoot, "artifacts", "console");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }
}
