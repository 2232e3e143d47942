using System.Diagnostics;

namespace Hangar.EndToEnd.Tests.Quickstart;

/// <summary>
/// Runs the guide's blocks one after another in bash, the way a person types them into one terminal: what a block
/// sets (variables, functions, the working directory) is there for the next. Each block runs in a session of its
/// own, so what it leaves running in the background (the agent) is stopped with it at the end.
/// </summary>
internal sealed class GuideShell(string directory, IReadOnlyDictionary<string, string?> environment) : IAsyncDisposable
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan UntilTimeout = TimeSpan.FromMinutes(4);
    private readonly string _state = Path.Combine(directory, "quickstart-shell-state");
    private readonly List<int> _sessions = [];

    /// <summary>Everything each step printed, for the failure message of a later one.</summary>
    public List<string> Transcript { get; } = [];

    /// <summary>Runs the block; a block with <see cref="GuideBlock.Until"/> again every 2 s until its output contains that word.</summary>
    public async Task RunAsync(GuideBlock block, Func<string> diagnostics, CancellationToken cancellationToken)
    {
        if (!File.Exists(_state))
        {
            await File.WriteAllTextAsync(_state, $"cd '{directory}'\n", cancellationToken);
        }

        var waited = Stopwatch.StartNew();
        while (true)
        {
            var (exit, output) = await RunOnceAsync(block.Script, cancellationToken);
            Transcript.Add($"$ {block.Script}\n{output}");
            Assert.True(exit == 0, $"docs/quickstart.md line {block.Line}: exited {exit}\n{block.Script}\n{output}\n{diagnostics()}");
            if (block.Until is null || output.Contains(block.Until, StringComparison.Ordinal))
            {
                return;
            }

            Assert.True(waited.Elapsed < UntilTimeout,
                $"docs/quickstart.md line {block.Line}: '{block.Until}' not printed within {UntilTimeout}\n{block.Script}\n{output}\n{diagnostics()}");
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _sessions)
        {
            using var kill = Process.Start("kill", ["-TERM", "--", $"-{session}"]);
            await kill!.WaitForExitAsync();
        }
    }

    private async Task<(int Exit, string Output)> RunOnceAsync(string script, CancellationToken cancellationToken)
    {
        // set -a exports every variable a block assigns, so export -p carries it to the next block.
        var wrapped = $$"""
            set -euo pipefail
            set -a
            source '{{_state}}'
            {{script}}
            { export -p; declare -f; printf 'cd %q\n' "$PWD"; } > '{{_state}}'
            """;
        await using var shell = RunningProcess.StartProgram("setsid", ["bash", "-c", wrapped], environment);
        _sessions.Add(shell.Id);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StepTimeout);
        try
        {
            return (await shell.WaitForExitAsync(timeout.Token), shell.Output);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (-1, $"{shell.Output}\n(still running after {StepTimeout})");
        }
    }
}
