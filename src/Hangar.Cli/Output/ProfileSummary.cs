namespace Hangar.Cli.Output;

/// <summary>A saved profile as <c>profiles list</c> shows it: the key reduced to its non-secret prefix.</summary>
internal sealed record ProfileSummary(string Name, string Url, string ApiKey, bool Current)
{
    // hgr_<12-character lookup prefix>_<secret>: the part before the secret is what the server lists as the prefix.
    private const int PublicLength = 17;

    public static string MaskKey(string apiKey) =>
        apiKey.StartsWith("hgr_", StringComparison.Ordinal) && apiKey.Length > PublicLength ? apiKey[..PublicLength] + "…" : "…";
}
