using System.Xml.Linq;

namespace Hangar.Architecture.Tests;

/// <summary>
/// The browser console uses the Admin API only, through Hangar.Client: no back door into the server. Its assemblies
/// are packaged for WebAssembly, so the rule reads the project file the build takes its references from.
/// </summary>
public sealed class ConsoleBoundaryTests
{
    private static readonly string[] Allowed = ["Hangar.Client", "Hangar.Contracts"];

    [Fact]
    public void Console_ReferencesOnlyTheClientAndContracts()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Hangar.Console", "Hangar.Console.csproj"));

        var referenced = project.Descendants("ProjectReference")
            .Select(reference => Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();

        Assert.NotEmpty(referenced);
        Assert.All(referenced, name => Assert.Contains(name, Allowed));
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
