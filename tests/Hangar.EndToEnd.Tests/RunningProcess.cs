using System.Diagnostics;
using System.Text;

namespace Hangar.EndToEnd.Tests;

/// <summary>A real child process whose output is collected line by line, so tests can wait for what it prints.</summary>
internal sealed class RunningProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();

    private readonly Action<string>? _onLine;

    private RunningProcess(Process process, Action<string>? onLine)
    {
        _process = process;
        _onLine = onLine;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public int Id => _process.Id;

    public static RunningProcess Start(string assembly, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        StartProgram("dotnet", [assembly, .. arguments], environment);

    /// <summary>Starts a native program (the NativeAOT agent) rather than an assembly.</summary>
    /// <param name="onLine">Called with every line printed, on the thread that reads it, as soon as it is read.</param>
    public static RunningProcess StartProgram(
        string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, Action<string>? onLine = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        return new RunningProcess(Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start"), onLine);
    }

    /// <summary>Waits until the output contains <paramref name="text"/>; fails with the output so far after <paramref name="timeout"/>.</summary>
    public async Task<string> WaitForAsync(string text, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"'{text}' not printed (exited: {_process.HasExited}); output:\n{Output}");
            }

            await Task.Delay(50, cancellationToken);
        }

        return Output;
    }

    /// <summary>Sends SIGTERM, as systemd or Ctrl+C would, and waits for the exit code.</summary>
    public async Task<int> StopAsync(CancellationToken cancellationToken)
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill!.WaitForExitAsync(cancellationToken);
        }

        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL, as a crash, an OOM kill or a pulled plug would end it: no clean-up runs.</summary>
    public async Task KillAsync(CancellationToken cancellationToken)
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(cancellationToken);
    }

    /// <summary>SIGKILL without waiting, safe to call from an output callback.</summary>
    public void KillNow() => _process.Kill();

    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        _onLine?.Invoke(line);
        lock (_gate)
        {
            _output.AppendLine(line);
        }
    }
}
