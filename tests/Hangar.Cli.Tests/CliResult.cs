using System.Text.Json;
using Xunit;

namespace Hangar.Cli.Tests;

public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Stdout parsed as JSON (fails the test if it is not).</summary>
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Stdout);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts success, showing stderr when it was not.</summary>
    public CliResult Succeeded()
    {
        Assert.True(ExitCode == ExitCodes.Success, $"exit code {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
        return this;
    }

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
