namespace Hangar.Agent.Processes;

public sealed record ProcessResult(int ExitCode, string OutputTail, bool TimedOut)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>One line for a report: the exit code and the last line of output.</summary>
    public string Summary =>
        $"exit code {ExitCode}" + (OutputTail.Trim().Split('\n') is [.., var last] && last.Length > 0 ? $": {last.Trim()}" : "");
}
