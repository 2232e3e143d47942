namespace Hangar.Agent.Updates;

/// <summary>
/// One update check and what follows it: ask the server (with the last answer's ETag, reusing that answer on a 304),
/// apply what it offers, and send the queued reports.
/// </summary>
public sealed class UpdateCheckCycle(DeviceApi api, UpdateRunner runner, StatusReporter reporter)
{
    private UpdateCheckResult? _lastAnswer;

    /// <exception cref="DeviceApiException">The server answered the check with an error.</exception>
    /// <exception cref="HttpRequestException">The server could not be reached.</exception>
    public async Task<UpdateRunOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var result = await api.CheckAsync(_lastAnswer?.ETag, cancellationToken);
        if (!result.NotModified)
        {
            _lastAnswer = result;
        }

        var outcome = await runner.ApplyAsync(_lastAnswer!.Answer!, cancellationToken);
        if (outcome != UpdateRunOutcome.RebootRequested)
        {
            await reporter.FlushAsync(cancellationToken);
        }

        return outcome;
    }
}
