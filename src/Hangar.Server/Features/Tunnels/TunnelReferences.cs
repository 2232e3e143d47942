using Hangar.Core.Resources;
using Hangar.Data.Tunnels;
using Hangar.Server.Hosting.References;

namespace Hangar.Server.Features.Tunnels;

internal static class TunnelReferences
{
    /// <summary>A tunnel has no name: only its id or resource name pick it.</summary>
    public static readonly ReferenceRule<Tunnel> Rule = new(
        ResourceTypes.Tunnel, t => t.Id, null, _ => t => new ReferenceMatch(t.Id, t.Id.ToString()));
}
