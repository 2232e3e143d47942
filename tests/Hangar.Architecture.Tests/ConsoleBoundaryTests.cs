using System.Xml.Linq;

namespace Hangar.Architecture.Tests;

/// <summary>
/// The browser console uses the Admin API only, through Hangar.Client: no back door into the server. Its assemblies
/// are packaged for WebAssembly, so the rule reads the project files the build takes its references from. Pages loaded
/// on demand never reference the console itself: it would load their assembly at the first load, defeating the point.
/// </summary>
public sealed class ConsoleBoundaryTests
{
    private static readonly string[] Outside = ["Hangar.Client", "Hangar.Contracts"];

    public static TheoryData<string, string[]> ConsoleProjects => new()
    {
        { "Hangar.Console", ["Hangar.Console.Components", "Hangar.Console.Observability", "Hangar.Console.Administration"] },
        { "Hangar.Console.Components", [] },
        { "Hangar.Console.Observability", ["Hangar.Console.Components"] },
        { "Hangar.Console.Administration", ["Hangar.Console.Components"] },
    };

    [Theory]
    [MemberData(nameof(ConsoleProjects))]
    public void ConsoleProject_ReferencesOnlyTheClientContractsAndTheConsolesOwnPieces(string name, string[] pieces)
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "src", name, $"{name}.csproj"));

        var referenced = project.Descendants("ProjectReference")
            .Select(reference => Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();

        Assert.NotEmpty(referenced);
        Assert.All(referenced, reference => Assert.Contains(reference, Outside.Concat(pieces)));
    }

    [Fact]
    public void EveryConsoleProject_IsUnderTheRule()
    {
        var onDisk = Directory.GetDirectories(Path.Combine(RepositoryRoot(), "src"), "Hangar.Console*").Select(Path.GetFileName).Order();

        Assert.Equal(ConsoleProjects.Select(row => row.Data.Item1).Order(), onDisk);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Hangar.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"no Hangar.slnx above {AppContext.BaseDirectory}");
    }
}
