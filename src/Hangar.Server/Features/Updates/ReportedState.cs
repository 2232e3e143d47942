using Hangar.Core.Resources;
using Hangar.Core.Versions;

namespace Hangar.Server.Features.Updates;

/// <summary>
/// What a device says it runs: its release, bundle and release version, all optional. A value that cannot be read
/// (not a UUID or resource name of the right type, an absurd version) is the device's bug and answered 400; a
/// well-formed id that names nothing of the device's organization (unknown, deleted, another tenant's) is
/// <em>unknown</em>: recorded as reported (another tenant's resource name as nothing) and skipped by resolution,
/// which falls through to the next value.
/// </summary>
internal sealed record ReportedState(Guid? ReleaseId, Guid? BundleId, SemanticVersion? Version)
{
    public const int MaxReferenceLength = 200;
    public const int MaxVersionLength = 128;

    public bool IsEmpty => ReleaseId is null && BundleId is null && Version is null;

    /// <summary>Reads the three values; <paramref name="errors"/> is keyed by the names the caller used for them.</summary>
    public static ReportedState? TryRead(
        (string Name, string? Value) release,
        (string Name, string? Value) bundle,
        (string Name, string? Value) version,
        Guid organizationId,
        out Dictionary<string, string[]> errors)
    {
        errors = [];
        var releaseId = ReadReference(release, ResourceTypes.Release, organizationId, errors);
        var bundleId = ReadReference(bundle, ResourceTypes.Bundle, organizationId, errors);
        SemanticVersion? parsed = null;
        if (!string.IsNullOrEmpty(version.Value)
            && (version.Value.Length > MaxVersionLength || !SemanticVersion.TryParse(version.Value, out parsed)))
        {
            errors[version.Name] = [$"must be a semantic version (2.0.0) of at most {MaxVersionLength} characters"];
        }

        return errors.Count > 0 ? null : new ReportedState(releaseId, bundleId, parsed);
    }

    private static Guid? ReadReference((string Name, string? Value) field, string type, Guid organizationId, Dictionary<string, string[]> errors)
    {
        if (TryReadReference(field.Value, type, organizationId, out var id))
        {
            return id;
        }

        errors[field.Name] = [$"must be a {type} id (UUID) or resource name"];
        return null;
    }

    /// <summary>
    /// Reads a release, bundle or override a device names: null when absent, its id when well-formed, false when it is
    /// not a UUID or resource name of <paramref name="type"/>. Another organization's resource name reads as
    /// <see cref="Guid.Empty"/>, which names nothing: as unknown as a deleted id, and never confirmed to exist.
    /// </summary>
    public static bool TryReadReference(string? value, string type, Guid organizationId, out Guid? id)
    {
        id = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (value.Length > MaxReferenceLength)
        {
            return false;
        }

        if (Guid.TryParseExact(value, "D", out var bare))
        {
            id = bare;
            return true;
        }

        if (ResourceName.TryParse(value, out var name) && name.Type == type)
        {
            id = name.OrganizationId == organizationId ? name.Id : Guid.Empty;
            return true;
        }

        return false;
    }
}
