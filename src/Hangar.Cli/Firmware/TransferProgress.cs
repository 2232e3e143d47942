using Hangar.Cli.Output;
using Spectre.Console;

namespace Hangar.Cli.Firmware;

/// <summary>
/// Shows a transfer on stderr: a Spectre.Console progress bar with throughput when stderr's console is a terminal,
/// plain lines otherwise (one per finished part), so logs and tests get text they can read.
/// </summary>
internal sealed class TransferProgress(TextWriter stderr, bool isTerminal)
{
    public async Task<T> RunAsync<T>(string description, long total, Func<Reporter, Task<T>> transfer)
    {
        if (!isTerminal)
        {
            return await transfer(new Reporter(null, stderr, total));
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
        return await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async context => await transfer(new Reporter(context.AddTask(description, maxValue: total), null, total)));
    }

    /// <summary>Counts bytes; thread-safe, since parts go out concurrently.</summary>
    internal sealed class Reporter(ProgressTask? bar, TextWriter? lines, long total)
    {
        private long _done;

        public long Done => Interlocked.Read(ref _done);

        public void Bytes(long count)
        {
            var done = Interlocked.Add(ref _done, count);
            bar?.Value(done);
        }

        public void Line(string text)
        {
            if (lines is not null)
            {
                lock (lines)
                {
                    lines.WriteLine($"{text} ({Done} of {Counted.Of(total, "byte")})");
                }
            }
        }
    }
}
