namespace Hangar.Server.Hosting.Authentication;

/// <summary>The authentication failure of a credential not looked up because its address had too many refused: answered 429, not 401.</summary>
internal sealed class CredentialsThrottled(TimeSpan retryAfter)
    : Exception("Too many refused credentials from this address; retry after the number of seconds in Retry-After.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
