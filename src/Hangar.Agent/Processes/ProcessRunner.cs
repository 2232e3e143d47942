using System.Diagnostics;
using System.Text;

namespace Hangar.Agent.Processes;

/// <summary>Runs an argv (never through a shell) with a timeout, keeping the tail of its output for reports and logs.</summary>
public sealed class ProcessRunner(TimeProvider time)
{
    private const int OutputTailChars = 2000;

    public async Task<ProcessResult> RunAsync(
        IReadOnlyList<string> argv, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(argv[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in argv.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
                if (output.Length > OutputTailChars * 2)
                {
                    output.Remove(0, output.Length - OutputTailChars);
                }
            }
        }

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        try
        {
            process.Start();
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return new ProcessResult(-1, $"cannot start {argv[0]}: {exception.Message}", TimedOut: false);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            await process.WaitForExitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            return new ProcessResult(-1, Tail(output) + $"{argv[0]} timed out after {timeout}", TimedOut: true);
        }

        return new ProcessResult(process.ExitCode, Tail(output), TimedOut: false);
    }

    private static string Tail(StringBuilder output)
    {
        lock (output)
        {
            var text = output.ToString();
            return text.Length > OutputTailChars ? text[^OutputTailChars..] : text;
        }
    }
}
