using System.CommandLine;

namespace Hangar.Cli.Commands;

/// <summary>
/// The positional reference of get/update/remove commands. The server resolves it (docs/api.md, "Referencing
/// resources"): the UUID, the HRN, or what the resource is called, so the CLI and the API cannot differ.
/// </summary>
internal static class IdArgument
{
    /// <summary>What else than the id and HRN names each resource; types missing here are named by id or HRN only.</summary>
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["product"] = "name",
        ["cohort"] = "name",
        ["device"] = "identifier",
        ["device certificate"] = "fingerprint",
        ["CA certificate"] = "fingerprint",
        ["artifact"] = "name",
        ["artifact version"] = "version",
        ["signing key"] = "name or key id",
        ["bundle"] = "name",
        ["release"] = "name",
        ["bundle override"] = "name",
        ["webhook"] = "URL",
        ["API key"] = "name or prefix",
        ["member"] = "email",
    };

    public static Argument<string> Create(string resource) => new("id")
    {
        Description = Names.TryGetValue(resource, out var name)
            ? $"The {resource}: its id (UUID), HRN or {name}."
            : $"The {resource}'s id (UUID) or HRN.",
    };
}
