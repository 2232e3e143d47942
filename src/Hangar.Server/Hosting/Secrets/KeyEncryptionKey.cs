using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Hosting.Secrets;

/// <summary>
/// The installation's key-encryption key: seals what <see cref="ServerSecrets"/> stores in the database
/// (AES-256-GCM, the secret's name as associated data, so a sealed value cannot be moved to another name). It is
/// kept outside the database on purpose: a database dump or backup alone reveals no private key.
/// </summary>
internal sealed class KeyEncryptionKey
{
    private const int KeyBytes = 32;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly byte[] _key;

    public KeyEncryptionKey(IOptions<SecretsOptions> secrets, IOptions<ServerOptions> server)
    {
        var configured = secrets.Value.KeyFile;
        Path = configured is null ? server.Value.DataPath("secrets.key") : System.IO.Path.GetFullPath(configured);
        _key = configured is null ? LoadOrCreate(Path) : Load(Path);
        Id = Convert.ToHexStringLower(SHA256.HashData([.. "hangar key-encryption key id\n"u8, .. _key]))[..16];
    }

    public string Path { get; }

    /// <summary>A fingerprint of the key, stored beside each sealed value (it reveals nothing about the key).</summary>
    public string Id { get; }

    public byte[] Seal(string name, ReadOnlySpan<byte> plaintext)
    {
        var sealedValue = new byte[NonceBytes + TagBytes + plaintext.Length];
        var nonce = sealedValue.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagBytes);
        aes.Encrypt(nonce, plaintext, sealedValue.AsSpan(NonceBytes + TagBytes), sealedValue.AsSpan(NonceBytes, TagBytes), Encoding.UTF8.GetBytes(name));
        return sealedValue;
    }

    /// <exception cref="CryptographicException">The value was altered or sealed under another name.</exception>
    public byte[] Unseal(string name, ReadOnlySpan<byte> sealedValue)
    {
        if (sealedValue.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException($"The stored secret {name} is truncated.");
        }

        var plaintext = new byte[sealedValue.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(_key, TagBytes);
        aes.Decrypt(sealedValue[..NonceBytes], sealedValue[(NonceBytes + TagBytes)..], sealedValue.Slice(NonceBytes, TagBytes), plaintext, Encoding.UTF8.GetBytes(name));
        return plaintext;
    }

    private static byte[] Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{SecretsOptions.Section}:KeyFile {path} does not exist. Create it with `openssl rand -base64 32 > {path}` (the same file on every node).");
        }

        var text = File.ReadAllText(path).Trim();
        var key = new byte[KeyBytes];
        if (!Convert.TryFromBase64String(text, key, out var written) || written != KeyBytes)
        {
            throw new InvalidOperationException($"{SecretsOptions.Section}:KeyFile {path} must hold 32 bytes in base64 (`openssl rand -base64 32`).");
        }

        return key;
    }

    private static byte[] LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            var temporary = path + "." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                // Created private, not chmod-ed afterwards: no moment where another user could read the key.
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var file = new FileStream(temporary, options))
            {
                file.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes)) + "\n"));
                file.Flush(flushToDisk: true);
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException)
            {
                // Another process sharing the data directory wrote it first: use theirs.
                File.Delete(temporary);
            }
        }

        return Load(path);
    }
}
