using Microsoft.OpenApi;

namespace Hangar.Server.Hosting.OpenApi;

/// <summary>What each tag of the Admin API groups, for readers of the document (and its linter, which wants every tag described).</summary>
internal static class OpenApiTags
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["API keys"] = "Keys that authenticate scripts and back ends to the Admin API, each with a role in one organization.",
        ["Artifact versions"] = "Versions of an artifact: the unit a bundle pins.",
        ["Artifacts"] = "Named firmware components of a product (an OS image, an application).",
        ["Audit"] = "The audit log: one row per mutating call, whatever its outcome.",
        ["Binaries"] = "Firmware files per target, uploaded in parts, hashed, signed and downloaded.",
        ["Binary signatures"] = "Signatures over a binary's SHA-256 by a registered signing key.",
        ["Bundle overrides"] = "Time-boxed bundles for chosen devices, ahead of releases.",
        ["Bundles"] = "Immutable sets of binaries that install together.",
        ["CA certificates"] = "Device CAs registered by proof of possession, with optional just-in-time provisioning.",
        ["Cohorts"] = "Groups of devices of one product that follow the same releases.",
        ["Device certificates"] = "The X.509 certificates devices authenticate with on the device listener.",
        ["Devices"] = "The fleet: devices, their tags, cohorts, state and update checks.",
        ["Fleet"] = "The organization's fleet at a glance: device counts, what cohorts run, update outcomes and adoption per release.",
        ["Events"] = "What happened in the organization, listed or streamed (Server-Sent Events).",
        ["Health"] = "Liveness and database reachability, for load balancers and monitors.",
        ["Health rules"] = "A product's rules for when its devices are unhealthy: a metric over a window crossing a threshold, or silence.",
        ["Members"] = "Users of the organization and their roles.",
        ["Organizations"] = "Tenants: every resource belongs to exactly one.",
        ["Products"] = "Kinds of device; artifacts, cohorts and devices belong to one.",
        ["Releases"] = "Bundles rolled out to a cohort, in phases, with halts and rollbacks.",
        ["Server"] = "Facts about this server: its device listener CA and public addresses.",
        ["Session"] = "Console sign-in with e-mail and password (a cookie session).",
        ["Signing keys"] = "Ed25519 public keys whose signatures devices check before installing.",
        ["Tunnels"] = "Time-limited TCP tunnels to a device port (SSH, web UIs), relayed over the agent's outbound WebSocket.",
        ["Users"] = "The signed-in user's own account.",
        ["Webhooks"] = "HTTPS endpoints that receive signed event deliveries, with retries.",
        ["hawkBit DDI"] = "Target and gateway tokens for hawkBit DDI clients, and the attributes they report (docs/ddi.md).",
    };

    /// <summary>Every tag the operations use, in the order first used, each with its description.</summary>
    public static void Describe(OpenApiDocument document)
    {
        var used = document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var missing = used.Where(t => !Descriptions.ContainsKey(t)).ToList();
        if (missing.Count > 0)
        {
            // A new tag must be described here: the document is linted and committed.
            throw new InvalidOperationException($"OpenAPI tags without a description in OpenApiTags: {string.Join(", ", missing)}");
        }

        document.Tags = new HashSet<OpenApiTag>(used.Select(t => new OpenApiTag { Name = t, Description = Descriptions[t] }));
    }
}
