namespace Hangar.EndToEnd.Tests;

/// <summary>
/// A test class with its own <see cref="OtaWorld"/> (server process, CLI, published agent) in a temporary directory;
/// <paramref name="serverArguments"/> are added to the server's command line.
/// </summary>
public abstract class OtaWorldTest(string directoryPrefix, params string[] serverArguments) : IAsyncLifetime
{
    protected static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(90);

    private readonly string _directory = Directory.CreateTempSubdirectory(directoryPrefix).FullName;

    private protected OtaWorld World { get; private set; } = null!;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => World = await OtaWorld.StartAsync(_directory, serverArguments);

    public async ValueTask DisposeAsync()
    {
        await World.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }
}
