using System.Net;

namespace Hangar.Cli;

/// <summary>
/// The process exit codes of <c>hangar</c>. Scripts branch on these, so a code is never renumbered; docs/cli.md lists
/// the same table.
/// </summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>Anything not covered below: a bug, an unexpected answer, a local I/O failure.</summary>
    public const int UnexpectedError = 1;

    /// <summary>Bad arguments: unknown command or option, missing or malformed value.</summary>
    public const int UsageError = 2;

    /// <summary>No server URL or API key from flags, environment or profile, or an unreadable config file.</summary>
    public const int NotConfigured = 3;

    /// <summary>HTTP 401: the API key is invalid, expired or revoked.</summary>
    public const int AuthenticationFailed = 4;

    /// <summary>HTTP 403: the key's role does not allow this.</summary>
    public const int Forbidden = 5;

    /// <summary>HTTP 404, or a named local profile that does not exist.</summary>
    public const int NotFound = 6;

    /// <summary>HTTP 409 or 422: the request conflicts with the current state (already exists, last owner, reused idempotency key).</summary>
    public const int Conflict = 7;

    /// <summary>HTTP 400: the server rejected the input (field errors, bad search query or cursor).</summary>
    public const int ValidationFailed = 8;

    /// <summary>HTTP 429: too many requests; retry later.</summary>
    public const int RateLimited = 9;

    /// <summary>HTTP 5xx, or the server could not be reached or did not answer in time.</summary>
    public const int ServerError = 10;

    /// <summary>Stopped by Ctrl+C or SIGTERM before finishing (the shell convention, 128 + SIGINT).</summary>
    public const int Interrupted = 130;

    public static int FromStatus(HttpStatusCode status) => (int)status switch
    {
        400 => ValidationFailed,
        401 => AuthenticationFailed,
        403 => Forbidden,
        404 => NotFound,
        409 or 422 => Conflict,
        429 => RateLimited,
        >= 500 => ServerError,
        _ => UnexpectedError,
    };
}
