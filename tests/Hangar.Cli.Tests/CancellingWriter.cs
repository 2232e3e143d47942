namespace Hangar.Cli.Tests;

/// <summary>A stderr that cancels the run (like Ctrl+C) as soon as a line containing <paramref name="trigger"/> is written.</summary>
internal sealed class CancellingWriter(CancellationTokenSource cancellation, string trigger) : StringWriter
{
    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        if (value?.Contains(trigger, StringComparison.Ordinal) == true)
        {
            cancellation.Cancel();
        }
    }
}
