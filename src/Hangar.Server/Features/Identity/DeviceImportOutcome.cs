using Hangar.Core.Access;

namespace Hangar.Server.Features.Identity;

/// <summary>What a CSV import did: all rows imported, or nothing, and why.</summary>
internal abstract record DeviceImportOutcome
{
    private DeviceImportOutcome()
    {
    }

    public sealed record Imported(int Devices, int Certificates) : DeviceImportOutcome;

    /// <summary>Problems of the file, keyed <c>csv</c> or <c>row N.field</c>, every one found.</summary>
    public sealed record Invalid(Dictionary<string, string[]> Errors) : DeviceImportOutcome;

    /// <summary>The file has certificates and the caller's role may not register them.</summary>
    public sealed record CertificatesNeedRole(Role Minimum) : DeviceImportOutcome;

    /// <summary>A device identifier or certificate of the file was registered by someone else while it was checked.</summary>
    public sealed record RegisteredMeanwhile : DeviceImportOutcome;
}
