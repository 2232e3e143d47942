namespace Hangar.Testing.Pki;

/// <summary>The key a test leaf certificate gets: Hangar's accepted kinds and the weak ones it must refuse.</summary>
public enum LeafKey
{
    EcdsaP256,
    EcdsaP224,
    Rsa2048,
    Rsa1024,
}
