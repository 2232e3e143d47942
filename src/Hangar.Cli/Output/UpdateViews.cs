using Hangar.Contracts.Updates;

namespace Hangar.Cli.Output;

/// <summary>The table layout of update answers.</summary>
internal static class UpdateViews
{
    public static ResourceView<UpdateCheckResponse> UpdateCheck { get; } = new ResourceView<UpdateCheckResponse>()
        .Add("STATUS", u => u.Status)
        .Add("SOURCE", u => u.SourceType)
        .Add("REASON", u => u.Reason)
        .Add("RELEASE", u => u.Release is null ? null : $"{u.Release.Id} {u.Release.Name} {u.Release.Version}".TrimEnd())
        .Add("BUNDLE OVERRIDE", u => u.BundleOverride is null ? null : $"{u.BundleOverride.Id} {u.BundleOverride.Name}")
        .Add("BUNDLE", u => u.Bundle is null ? null : $"{u.Bundle.Id} {u.Bundle.Hash}")
        .Add("BINARIES", u => string.Join("\n", u.Manifest.Select(b => $"{b.Position}: {b.Artifact.Name} {b.ArtifactVersion.Version} {b.Target} {b.Size} bytes sha256:{b.Sha256} ({b.Signatures.Count} signatures)")))
        .Add("URLS EXPIRE", u => u.UrlsExpireAt);

    public static ResourceView<DeviceUpdateResponse> DeviceUpdate { get; } = new ResourceView<DeviceUpdateResponse>()
        .Add("ID", u => u.Id)
        .Add("HRN", u => u.Hrn, inList: false)
        .Add("RELEASE", u => u.ReleaseId)
        .Add("BUNDLE OVERRIDE", u => u.BundleOverrideId)
        .Add("BUNDLE", u => u.BundleId, inList: false)
        .Add("STATE", u => u.Retryable ? $"{u.State} (will retry)" : u.State)
        .Add("ATTEMPT", u => u.Attempt)
        .Add("PROGRESS", u => u.Progress, inList: false)
        .Add("REASON", u => u.Reason)
        .Add("LOG", u => u.LogTail, inList: false)
        .Add("OFFERED", u => u.OfferedAt)
        .Add("FINISHED", u => u.FinishedAt, inList: false)
        .Add("UPDATED", u => u.UpdatedAt);
}
