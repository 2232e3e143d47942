using Hangar.Agent.Tests.Support;

namespace Hangar.Agent.Tests.Telemetry;

/// <summary>A fake system root: the <c>/proc</c> and <c>/sys</c> files a test writes, as a device's kernel would show them.</summary>
internal sealed class SystemRootFixture : IDisposable
{
    private readonly TempDirectory _root = new();

    public string Path => _root.Path;

    public SystemRootFixture With(string path, string content)
    {
        var file = _root.Combine(path.Split('/'));
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
        return this;
    }

    public void Dispose() => _root.Dispose();
}
