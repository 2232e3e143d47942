using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Hangar.Core.Releases;

/// <summary>
/// A release's failure policy: halt the rollout once at least <c>HaltMinimumDevices</c> devices finished (committed,
/// terminally failed or rolled back) and the failed and rolled back among them make up at least <c>HaltFailureRate</c>
/// of them. Devices still downloading or installing, retrying a failure, or aborted do not count either way, so a slow
/// fleet or flaky power never trips the policy early.
/// Shared by the release statistics and the automatic halt after a status report.
/// </summary>
public static class ReleaseFailurePolicy
{
    /// <summary>The share of finished devices that failed or rolled back, or null while none finished.</summary>
    public static decimal? FailureRate(UpdateOutcomes outcomes) =>
        outcomes.Finished == 0 ? null : (decimal)outcomes.Unsuccessful / outcomes.Finished;

    /// <summary>
    /// Whether the policy (<paramref name="haltFailureRate"/> with <paramref name="haltMinimumDevices"/>; both null
    /// means the release has no policy) says to halt, and if so why, in words for the release's halt reason.
    /// </summary>
    public static bool ShouldHalt(
        UpdateOutcomes outcomes, decimal? haltFailureRate, int? haltMinimumDevices, [NotNullWhen(true)] out string? reason)
    {
        reason = null;
        if (haltFailureRate is not { } threshold || haltMinimumDevices is not { } minimum
            || outcomes.Finished < minimum || FailureRate(outcomes) is not { } rate || rate < threshold)
        {
            return false;
        }

        reason = string.Create(CultureInfo.InvariantCulture,
            $"failure policy: {outcomes.Unsuccessful} of {outcomes.Finished} devices that finished the update failed or rolled back ({Percent(rate)}), at or above the {Percent(threshold)} limit (with at least {minimum} finished)");
        return true;
    }

    /// <summary>
    /// Why a policy is malformed (the API field at fault and a message), or null when it is well-formed: a rate in
    /// (0, 1] with a minimum of at least one device, or neither.
    /// </summary>
    public static (string Field, string Message)? Refusal(decimal? haltFailureRate, int? haltMinimumDevices) => (haltFailureRate, haltMinimumDevices) switch
    {
        (null, null) => null,
        (null, _) => ("halt_failure_rate", "is required with halt_minimum_devices: give both or neither."),
        (_, null) => ("halt_minimum_devices", "is required with halt_failure_rate: give both or neither."),
        ({ } rate, _) when rate is <= 0m or > 1m => ("halt_failure_rate", "must be a share greater than 0 and at most 1 (0.25 = 25%)."),
        (_, { } minimum) when minimum < 1 => ("halt_minimum_devices", "must be at least 1."),
        _ => null,
    };

    private static string Percent(decimal share) => (share * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
