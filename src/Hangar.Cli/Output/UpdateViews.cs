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
}
