namespace Hangar.EndToEnd.Tests;

/// <summary>A test class with its own <see cref="OtaWorld"/> (server process, CLI, published agent) in a temporary directory.</summary>
public abstract class OtaWorldTest(string directoryPrefix) : IAsyncLifetime
{
    protected static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(90);

    private readonly string _directory = Directory.CreateTempSubdirectory(directoryPrefix).FullName;

    private protected OtaWorld World { get; private set; } = null!;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => World = await OtaWorld.StartAsync(_directory);

    public async ValueTask DisposeAsync()
    {
        await World.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }
}
