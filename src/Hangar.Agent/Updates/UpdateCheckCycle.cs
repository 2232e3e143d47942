namespace Hangar.Agent.Updates;

/// <summary>
/// One update check and what follows it: ask the server (with the last answer's ETag, reusing that answer on a 304),
/// apply what it offers, and send the queued reports. A run that was interrupted (a download refused or failing) makes
/// the next check ask without the ETag: the refused URLs may be invalid although the answer's tag is unchanged (the
/// server's signing key replaced, the URL refused for this device), and a whole answer carries fresh ones.
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
        if (outcome == UpdateRunOutcome.Interrupted)
        {
            _lastAnswer = _lastAnswer with { ETag = null };
        }

        if (outcome != UpdateRunOutcome.RebootRequested)
        {
            await reporter.FlushAsync(cancellationToken);
        }

        return outcome;
    }
}
