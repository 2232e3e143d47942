namespace Hangar.Data.System;

/// <summary>
/// Key material every node of an installation shares (the server CA, the download-URL key, data-protection keys),
/// sealed with the installation's key-encryption key. The name is the primary key, so when two nodes create the same
/// secret at once the first insert wins and the other reads it.
/// </summary>
public sealed class ServerSecret
{
    public required string Name { get; init; }

    /// <summary>Nonce, tag and ciphertext (AES-256-GCM, the name as associated data).</summary>
    public required byte[] Value { get; set; }

    /// <summary>Which key-encryption key sealed <see cref="Value"/>, so a node with another key says so instead of failing to decrypt.</summary>
    public required string KeyId { get; set; }

    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; set; }
}
