using System.Security.Cryptography;

namespace Hangar.Server.Hosting.Cluster;

/// <summary>
/// This server process among the nodes sharing the database: <c>Cluster:NodeName</c> when configured (say, the pod
/// name), else the host name with a random suffix, so two processes on one host never share a name. It names the
/// node holding a device's control socket in the device's presence.
/// </summary>
internal sealed class ClusterNode(IConfiguration configuration)
{
    public const int MaxNameLength = 64;

    public string Name { get; } = NameFrom(configuration["Cluster:NodeName"]);

    private static string NameFrom(string? configured)
    {
        var name = string.IsNullOrWhiteSpace(configured)
            ? $"{Environment.MachineName}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}"
            : configured.Trim();
        return name.Length <= MaxNameLength ? name : name[..MaxNameLength];
    }
}
