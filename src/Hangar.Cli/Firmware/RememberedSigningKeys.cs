using Hangar.Cli.Profiles;
using NSec.Cryptography;

namespace Hangar.Cli.Firmware;

/// <summary>Finds a key pair that <c>signing-keys create --generate</c> remembered for the current profile, and loads its private half.</summary>
internal static class RememberedSigningKeys
{
    public static (SigningKeyPair Pair, Key Key) Open(ProfileStore store, string profile, string name)
    {
        var pair = store.Load().SigningKey(profile, name)
            ?? throw new CommandException(ExitCodes.NotConfigured,
                $"no signing key '{name}' is remembered for profile '{profile}'; create one with 'hangar signing-keys create --name {name} --generate --out DIR'.");
        var key = LocalSigningKey.Load(pair.PrivateKeyPath);
        if (LocalSigningKey.PublicKeyBase64(key) != pair.PublicKey)
        {
            key.Dispose();
            throw new CommandException(ExitCodes.NotConfigured, $"{pair.PrivateKeyPath} does not hold the private half of signing key '{name}'.");
        }

        return (pair, key);
    }
}
