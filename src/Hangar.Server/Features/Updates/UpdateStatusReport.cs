using Hangar.Contracts.Updates;
using Hangar.Core.Releases;
using Hangar.Core.Resources;
using Hangar.Data.Releases;
using Hangar.Server.Hosting.Validation;

namespace Hangar.Server.Features.Updates;

/// <summary>A validated status report: which update (release or override), the new state and its details.</summary>
/// <param name="Retryable">With <c>failed</c>: the device will try again by itself, so the failure is not yet terminal.</param>
internal sealed record UpdateStatusReport(Guid ReportId, OfferKey Update, UpdateState State, int? Progress, string? LogTail, string? Reason, bool Retryable)
{
    public const int MaxLogTail = 4096;
    public const int MaxReason = 512;

    public static UpdateStatusReport? TryRead(UpdateStatusRequest request, Guid organizationId, out RequestValidator validator)
    {
        validator = new RequestValidator();
        if (request.ReportId == Guid.Empty)
        {
            validator.Add("report_id", "is required: a UUID the device chooses per report and keeps when it re-sends the report.");
        }

        if (!UpdateStates.TryParse(request.State, out var state) || state == UpdateState.Offered)
        {
            validator.Add("state", $"must be one of {string.Join(", ", UpdateStates.All.Where(s => s != "offered"))}.");
        }

        if (request.Progress is < 0 or > 100)
        {
            validator.Add("progress", "must be a percentage from 0 to 100.");
        }

        if (request.LogTail is { Length: > MaxLogTail })
        {
            validator.Add("log_tail", $"must be at most {MaxLogTail} characters: send the last lines only.");
        }

        if (request.Reason is { Length: > MaxReason })
        {
            validator.Add("reason", $"must be at most {MaxReason} characters.");
        }

        if (request.Retryable == true && state != UpdateState.Failed)
        {
            validator.Add("retryable", "may only be true with state failed: it says the device will try the failed update again.");
        }

        var release = Reference(request.Release, ResourceTypes.Release, "release", organizationId, validator);
        var bundleOverride = Reference(request.BundleOverride, ResourceTypes.BundleOverride, "bundle_override", organizationId, validator);
        if (string.IsNullOrEmpty(request.Release) == string.IsNullOrEmpty(request.BundleOverride))
        {
            validator.Add("release", "name exactly one of release and bundle_override: the update the report is about.");
        }

        return validator.IsValid
            ? new UpdateStatusReport(request.ReportId, new OfferKey(release, bundleOverride), state, request.Progress, request.LogTail, request.Reason, request.Retryable == true)
            : null;
    }

    private static Guid? Reference(string? value, string type, string field, Guid organizationId, RequestValidator validator)
    {
        if (ReportedState.TryReadReference(value, type, organizationId, out var id))
        {
            // Another organization's name (Guid.Empty) then matches no offer: 409 update_not_offered, like an unknown id.
            return id;
        }

        validator.Add(field, $"must be a {type} id (UUID) or resource name.");
        return null;
    }
}
