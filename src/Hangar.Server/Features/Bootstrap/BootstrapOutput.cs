namespace Hangar.Server.Features.Bootstrap;

/// <summary>
/// Where the first start's credentials are printed: standard output, deliberately not the logger, so they never
/// land in log files or log shipping. Tests substitute their own writer.
/// </summary>
internal sealed class BootstrapOutput(TextWriter writer)
{
    public TextWriter Writer { get; } = writer;
}
