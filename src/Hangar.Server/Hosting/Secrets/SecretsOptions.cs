namespace Hangar.Server.Hosting.Secrets;

/// <summary>Section <c>Secrets</c>: the key that seals the key material stored in the database.</summary>
internal sealed class SecretsOptions
{
    public const string Section = "Secrets";

    /// <summary>
    /// A file holding the key-encryption key: 32 random bytes, base64 (<c>openssl rand -base64 32</c>). Every node of
    /// an installation needs the same one. Unset: <c>&lt;data&gt;/secrets.key</c>, generated on first start (mode
    /// 0600), which suits a single node.
    /// </summary>
    public string? KeyFile { get; set; }
}
