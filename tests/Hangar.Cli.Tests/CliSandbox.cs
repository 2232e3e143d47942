using Xunit;

namespace Hangar.Cli.Tests;

/// <summary>
/// Runs the real CLI in process with captured stdout/stderr, an environment of its own (nothing inherited from the
/// machine) and a private config directory that is deleted afterwards.
/// </summary>
public sealed class CliSandbox : IDisposable
{
    public CliSandbox()
    {
        ConfigDirectory = Path.Combine(Directory.CreateTempSubdirectory("hangar-cli-test-").FullName, "config");
        Environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [EnvironmentVariables.ConfigDirectory] = ConfigDirectory,
        };
    }

    public string ConfigDirectory { get; }

    public string ConfigFile => Path.Combine(ConfigDirectory, "config.json");

    public Dictionary<string, string?> Environment { get; }

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(TestContext.Current.CancellationToken, args);

    /// <summary>Runs with <paramref name="cancellationToken"/> standing in for Ctrl+C.</summary>
    public Task<CliResult> RunAsync(CancellationToken cancellationToken, params string[] args) => RunAsync(new StringWriter(), cancellationToken, args);

    /// <summary>Runs with <paramref name="stderr"/> as the CLI's stderr, so a test can react to what it reports.</summary>
    public async Task<CliResult> RunAsync(StringWriter stderr, CancellationToken cancellationToken, params string[] args)
    {
        using var stdout = new StringWriter();
        using var _ = stderr;
        var exitCode = await new CliApplication().RunAsync(args, stdout, stderr, Environment, cancellationToken);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(ConfigDirectory)!, recursive: true);
}
