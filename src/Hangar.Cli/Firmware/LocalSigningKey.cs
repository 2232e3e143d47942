using NSec.Cryptography;

namespace Hangar.Cli.Firmware;

/// <summary>
/// Ed25519 key pairs on the user's machine. The private key is a PKCS#8 PEM file, written owner-only and atomically
/// (a crash never leaves a half-written key, and no other user can read it even for a moment).
/// </summary>
internal static class LocalSigningKey
{
    public static Key Generate() =>
        Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });

    public static string PublicKeyBase64(Key key) => Convert.ToBase64String(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    /// <summary>Writes <c>NAME.pem</c> (private, 0600) and <c>NAME.pub.pem</c> into <paramref name="directory"/>; refuses to overwrite.</summary>
    public static string Write(Key key, string directory, string name)
    {
        Directory.CreateDirectory(directory);
        var privatePath = Path.GetFullPath(Path.Combine(directory, $"{name}.pem"));
        var publicPath = Path.GetFullPath(Path.Combine(directory, $"{name}.pub.pem"));
        if (File.Exists(privatePath) || File.Exists(publicPath))
        {
            throw new CommandException(ExitCodes.Conflict, $"{privatePath} or {publicPath} already exists; choose another --out or key name.");
        }

        WriteAtomically(privatePath, key.Export(KeyBlobFormat.PkixPrivateKeyText), ownerOnly: true);
        WriteAtomically(publicPath, key.PublicKey.Export(KeyBlobFormat.PkixPublicKeyText), ownerOnly: false);
        return privatePath;
    }

    public static Key Load(string path)
    {
        byte[] text;
        try
        {
            text = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CommandException(ExitCodes.NotConfigured, $"cannot read the private key {path}: {exception.Message}");
        }

        return Key.TryImport(SignatureAlgorithm.Ed25519, text, KeyBlobFormat.PkixPrivateKeyText, out var key) && key is not null
            ? key
            : throw new CommandException(ExitCodes.NotConfigured, $"{path} is not an Ed25519 private key in PKCS#8 PEM.");
    }

    /// <summary>The signature Hangar verifies: over the raw 32 bytes of the SHA-256 digest, as lowercase hex.</summary>
    public static string SignDigest(Key key, string sha256Hex) =>
        Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, Convert.FromHexString(sha256Hex)));

    private static void WriteAtomically(string path, byte[] content, bool ownerOnly)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Path.GetRandomFileName()}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = ownerOnly ? UnixFileMode.UserRead | UnixFileMode.UserWrite : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: false);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
