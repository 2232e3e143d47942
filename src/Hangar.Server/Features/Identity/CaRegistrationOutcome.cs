using Hangar.Data.Devices;

namespace Hangar.Server.Features.Identity;

/// <summary>What a CA registration did: the CA registered, or nothing, and why.</summary>
internal abstract record CaRegistrationOutcome
{
    private CaRegistrationOutcome()
    {
    }

    public sealed record Registered(CaCertificate Ca) : CaRegistrationOutcome;

    /// <summary>A certificate of the request cannot be read, is no signing CA, or does not prove possession; the detail names which.</summary>
    public sealed record InvalidCertificate(string Detail) : CaRegistrationOutcome;

    /// <summary>Other fields of the request (description, JITP settings), every error found.</summary>
    public sealed record InvalidFields(Dictionary<string, string[]> Errors) : CaRegistrationOutcome;

    /// <summary>The verification certificate's CN is no unused, unexpired code of the organization (or was used meanwhile).</summary>
    public sealed record InvalidVerificationCode(string Detail) : CaRegistrationOutcome;

    /// <summary>A CA with the same key is registered, in this or another organization.</summary>
    public sealed record AlreadyRegistered : CaRegistrationOutcome;
}
