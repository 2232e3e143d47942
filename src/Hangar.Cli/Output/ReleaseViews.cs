using System.Globalization;
using Hangar.Contracts.Releases;

namespace Hangar.Cli.Output;

/// <summary>The table layout of releases, their statistics and bundle overrides.</summary>
internal static class ReleaseViews
{
    public static ResourceView<ReleaseResponse> Release { get; } = new ResourceView<ReleaseResponse>()
        .Add("ID", r => r.Id)
        .Add("HRN", r => r.Hrn, inList: false)
        .Add("NAME", r => r.Name)
        .Add("DESCRIPTION", r => r.Description, inList: false)
        .Add("COHORT ID", r => r.CohortId, inList: false)
        .Add("BUNDLE ID", r => r.BundleId)
        .Add("NEXT RELEASE ID", r => r.NextReleaseId)
        .Add("VERSION", r => r.Version)
        .Add("VERSION REQUIREMENT", r => r.VersionRequirement, inList: false)
        .Add("REQUIRED", r => r.Required)
        .Add("DISABLED", r => r.Disabled)
        .Add("SCHEDULE DATE", r => r.ScheduleDate, inList: false)
        .Add("SCHEDULE COMPLETE", r => r.ScheduleComplete, inList: false)
        .Add("PHASE", Phase)
        .Add("PHASE CLAIMS", r => r.PhaseClaims, inList: false)
        .Add("FAILURE POLICY", r => r.HaltFailureRate is { } rate ? $"halt at {Percent(rate)} failed of at least {r.HaltMinimumDevices} finished" : null, inList: false)
        .Add("HALTED", r => r.HaltedAt)
        .Add("HALT REASON", r => r.HaltReason, inList: false)
        .Add("ROLLBACK OF", r => r.RollbackOfReleaseId, inList: false)
        .Add("CREATED", r => r.CreatedAt)
        .Add("UPDATED", r => r.UpdatedAt, inList: false);

    public static ResourceView<ReleaseStatsResponse> Stats { get; } = new ResourceView<ReleaseStatsResponse>()
        .Add("RELEASE ID", s => s.ReleaseId)
        .Add("DEVICES OFFERED", s => s.DevicesOffered)
        .Add("NOT REPORTED YET", s => s.States.GetValueOrDefault("offered"))
        .Add("DOWNLOADING", s => s.States.GetValueOrDefault("downloading"))
        .Add("DOWNLOADED", s => s.States.GetValueOrDefault("downloaded"))
        .Add("INSTALLING", s => s.States.GetValueOrDefault("installing"))
        .Add("INSTALLED", s => s.States.GetValueOrDefault("installed"))
        .Add("COMMITTED", s => s.States.GetValueOrDefault("committed"))
        .Add("FAILED", s => s.States.GetValueOrDefault("failed"))
        .Add("RETRYING", s => s.Retrying)
        .Add("ROLLED BACK", s => s.States.GetValueOrDefault("rolled_back"))
        .Add("ABORTED", s => s.States.GetValueOrDefault("aborted"))
        .Add("FINISHED", s => s.Finished)
        .Add("FAILURE RATE", s => s.FailureRate is { } rate ? Percent(rate) : null)
        .Add("PHASE CLAIMS", s => s.PhaseClaims)
        .Add("PHASE CAPACITY", s => s.PhaseCapacity)
        .Add("COHORT DEVICES", s => s.CohortDevices)
        .Add("HALTED", s => s.Halted);

    public static ResourceView<BundleOverrideResponse> BundleOverride { get; } = new ResourceView<BundleOverrideResponse>()
        .Add("ID", o => o.Id)
        .Add("HRN", o => o.Hrn, inList: false)
        .Add("NAME", o => o.Name)
        .Add("DESCRIPTION", o => o.Description, inList: false)
        .Add("BUNDLE ID", o => o.BundleId)
        .Add("STARTS", o => o.StartsAt)
        .Add("ENDS", o => o.EndsAt)
        .Add("ACTIVE", o => o.Active)
        .Add("DEVICES", o => o.DeviceCount)
        .Add("CREATED", o => o.CreatedAt)
        .Add("UPDATED", o => o.UpdatedAt, inList: false);

    public static ResourceView<BundleOverrideDeviceResponse> BundleOverrideDevice { get; } = new ResourceView<BundleOverrideDeviceResponse>()
        .Add("DEVICE ID", d => d.DeviceId)
        .Add("HRN", d => d.DeviceHrn, inList: false)
        .Add("IDENTIFIER", d => d.Identifier)
        .Add("ADDED", d => d.CreatedAt);

    public static ResourceView<AddBundleOverrideDevicesResponse> AddedDevices { get; } = new ResourceView<AddBundleOverrideDevicesResponse>()
        .Add("ADDED", a => a.Added)
        .Add("ALREADY PRESENT", a => a.AlreadyPresent)
        .Add("DEVICES", a => a.DeviceCount);

    /// <summary>"everyone", "25%", "40 devices" or "tags: canary, eu".</summary>
    private static string Phase(ReleaseResponse release) => release.PhaseMode switch
    {
        "tags" => "tags: " + string.Join(", ", release.PhaseTags),
        _ when release.PhaseValue == 1m => "everyone",
        _ when release.PhaseValue < 1m => Percent(release.PhaseValue),
        _ => string.Create(CultureInfo.InvariantCulture, $"{release.PhaseValue:0} devices"),
    };

    private static string Percent(decimal share) => (share * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
