namespace Hangar.Cli;

/// <summary>A failure the user can act on, detected by the CLI itself; <see cref="ExitCode"/> is one of <see cref="ExitCodes"/>.</summary>
internal sealed class CommandException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
