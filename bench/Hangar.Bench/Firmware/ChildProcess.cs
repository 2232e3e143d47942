using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Hangar.Bench.Firmware;

/// <summary>A child process with its output collected, timed from start to exit.</summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(TimeSpan At, string Line)> _lines = [];

    private ChildProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    /// <summary>The lines printed so far, with when each appeared (since the start).</summary>
    public IReadOnlyList<(TimeSpan At, string Line)> Lines
    {
        get
        {
            lock (_output)
            {
                return [.. _lines];
            }
        }
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static ChildProcess Start(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        return new ChildProcess(Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start"));
    }

    /// <summary>Runs to completion; fails with the output when the exit code is not 0.</summary>
    public static async Task<(TimeSpan Elapsed, string Output)> RunAsync(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var (elapsed, output, _) = await RunTimedAsync(file, arguments, environment);
        return (elapsed, output);
    }

    /// <summary>Runs to completion under /usr/bin/time; returns the wall time, the user plus system CPU time and the output.</summary>
    public static async Task<(TimeSpan Elapsed, double CpuSeconds, string Output, IReadOnlyList<(TimeSpan At, string Line)> Lines)> RunMeasuredAsync(
        string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var (elapsed, output, lines) = await RunTimedAsync("/usr/bin/time", ["-f", "cpu-seconds %U %S", file, .. arguments], environment);
        var cpu = lines.Last(line => line.Line.StartsWith("cpu-seconds ", StringComparison.Ordinal)).Line.Split(' ');
        return (elapsed, double.Parse(cpu[1], CultureInfo.InvariantCulture) + double.Parse(cpu[2], CultureInfo.InvariantCulture), output, lines);
    }

    /// <summary>Runs to completion, with the time each output line appeared (since the start).</summary>
    public static async Task<(TimeSpan Elapsed, string Output, IReadOnlyList<(TimeSpan At, string Line)> Lines)> RunTimedAsync(
        string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        await using var child = Start(file, arguments, environment);
        await child._process.WaitForExitAsync();
        var elapsed = child._clock.Elapsed;
        if (child._process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {child._process.ExitCode}:\n{child.Output}");
        }

        lock (child._output)
        {
            return (elapsed, child._output.ToString(), child._lines.ToList());
        }
    }

    public async Task<string> WaitForAsync(string text, TimeSpan timeout)
    {
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || _clock.Elapsed > timeout)
            {
                throw new TimeoutException($"'{text}' not printed; output:\n{Output}");
            }

            await Task.Delay(50);
        }

        return Output;
    }

    /// <summary>SIGTERM, then a kill if it does not stop within a few seconds.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
                _lines.Add((_clock.Elapsed, line));
            }
        }
    }
}
