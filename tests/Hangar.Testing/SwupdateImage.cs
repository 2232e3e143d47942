using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hangar.Testing;

/// <summary>
/// Builds real .swu images the way a firmware build does: a libconfig sw-description with the payload's SHA-256 and
/// the hardware it is for, its CMS signature made by <c>openssl cms -sign</c>, and a cpio (crc) archive with
/// sw-description first, made by <c>cpio</c>. Shared by the agent's installer tests and the DDI end-to-end test.
/// </summary>
public sealed class SwupdateImage(string directory)
{
    public const string Hardware = "1.0";

    /// <summary>A signer certificate (and key) swupdate accepts by default: RSA, digitalSignature, emailProtection.</summary>
    public static (string Certificate, string Key) CreateSigner(string directory, string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.4")], false));
        using var certificate = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddHours(-1), TimeProvider.System.GetUtcNow().AddDays(30));
        var certificatePath = Path.Combine(directory, $"{name}.crt");
        var keyPath = Path.Combine(directory, $"{name}.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }

    /// <summary>
    /// An image whose one <c>files</c> entry writes <paramref name="payload"/> to <paramref name="target"/>.
    /// <paramref name="shipped"/> replaces the payload in the archive after signing (a tampered image).
    /// </summary>
    public async Task<string> BuildAsync(string name, byte[] payload, string target, (string Certificate, string Key) signer,
        string hardware = Hardware, byte[]? shipped = null)
    {
        var work = Directory.CreateDirectory(Path.Combine(directory, name)).FullName;
        var description = $$"""
            software =
            {
                version = "2.0.0";
                hardware-compatibility: [ "{{hardware}}" ];
                files: (
                    {
                        filename = "payload.bin";
                        path = "{{target}}";
                        sha256 = "{{Convert.ToHexStringLower(SHA256.HashData(payload))}}";
                    }
                );
            }
            """;
        await File.WriteAllTextAsync(Path.Combine(work, "sw-description"), description);
        await File.WriteAllBytesAsync(Path.Combine(work, "payload.bin"), shipped ?? payload);
        await RunAsync(work, "openssl", ["cms", "-sign", "-in", "sw-description", "-out", "sw-description.sig", "-signer", signer.Certificate,
            "-inkey", signer.Key, "-outform", "DER", "-nosmimecap", "-binary"], null);
        var image = Path.Combine(directory, $"{name}.swu");
        var archive = await RunAsync(work, "cpio", ["-o", "-H", "crc", "--quiet"], "sw-description\nsw-description.sig\npayload.bin\n");
        await File.WriteAllBytesAsync(image, archive);
        return image;
    }

    private static async Task<byte[]> RunAsync(string directory, string program, IReadOnlyList<string> arguments, string? input)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input ?? "");
        process.StandardInput.Close();
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await copy;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {await errors}");
        }

        return output.ToArray();
    }
}
