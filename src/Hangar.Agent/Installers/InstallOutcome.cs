namespace Hangar.Agent.Installers;

/// <param name="RebootRequired">The installer's own view; metadata may override it.</param>
public sealed record InstallOutcome(bool Succeeded, bool RebootRequired, string Detail)
{
    public static InstallOutcome Failed(string detail) => new(false, false, detail);
}
