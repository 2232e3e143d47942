namespace Hangar.Contracts.Common;

/// <summary>HTTP headers with a meaning in the Hangar API.</summary>
public static class HangarHeaders
{
    /// <summary>Set on every response; also recorded in logs and audit rows.</summary>
    public const string RequestId = "X-Request-Id";

    /// <summary>Makes a create call safe to retry: a repeat with the same key returns the first result.</summary>
    public const string IdempotencyKey = "Idempotency-Key";

    /// <summary>Set to <c>true</c> on a response replayed for a repeated <see cref="IdempotencyKey"/>.</summary>
    public const string IdempotentReplayed = "Idempotent-Replayed";

    /// <summary>Cookie-authenticated mutations must echo the session's anti-forgery token in this header.</summary>
    public const string CsrfToken = "X-CSRF-Token";

    /// <summary>The console's session cookie.</summary>
    public const string SessionCookie = "hangar_session";

    /// <summary>Lowercase hex SHA-256 of a binary part, sent with the part's bytes; the server verifies it while the part streams in.</summary>
    public const string PartSha256 = "X-Part-Sha256";

    /// <summary>Sent by a device on an update check: the release it runs (id or resource name), when it installed from a release.</summary>
    public const string DeviceRelease = "Hangar-Release";

    /// <summary>Sent by a device on an update check: the bundle it runs (id or resource name).</summary>
    public const string DeviceBundle = "Hangar-Bundle";

    /// <summary>Sent by a device on an update check: the semantic version of the release it runs.</summary>
    public const string DeviceReleaseVersion = "Hangar-Release-Version";
}
