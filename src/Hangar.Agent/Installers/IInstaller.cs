namespace Hangar.Agent.Installers;

/// <summary>Installs one verified binary. Must leave nothing half-installed that it reports as failed.</summary>
public interface IInstaller
{
    string Name { get; }

    Task<InstallOutcome> InstallAsync(InstallRequest request, CancellationToken cancellationToken);
}
