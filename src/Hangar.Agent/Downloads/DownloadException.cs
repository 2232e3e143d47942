namespace Hangar.Agent.Downloads;

public sealed class DownloadException(DownloadFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public DownloadFailure Failure { get; } = failure;
}
