namespace Hangar.Cli.Profiles;

/// <summary>
/// The contents of <c>config.json</c>. <see cref="Version"/> lets a later CLI upgrade the file in place.
/// <see cref="SigningKeys"/> maps a profile name to its remembered key pairs by key name.
/// </summary>
internal sealed record ConfigFile(
    int Version,
    IReadOnlyDictionary<string, Profile> Profiles,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, SigningKeyPair>>? SigningKeys = null)
{
    public const int CurrentVersion = 1;

    public static ConfigFile Empty { get; } = new(CurrentVersion, new Dictionary<string, Profile>(StringComparer.Ordinal));

    public SigningKeyPair? SigningKey(string profile, string name) => SigningKeys?.GetValueOrDefault(profile)?.GetValueOrDefault(name);

    public ConfigFile WithSigningKey(string profile, string name, SigningKeyPair pair)
    {
        var all = new Dictionary<string, IReadOnlyDictionary<string, SigningKeyPair>>(SigningKeys ?? new Dictionary<string, IReadOnlyDictionary<string, SigningKeyPair>>(), StringComparer.Ordinal);
        var ofProfile = new Dictionary<string, SigningKeyPair>(all.GetValueOrDefault(profile) ?? new Dictionary<string, SigningKeyPair>(), StringComparer.Ordinal)
        {
            [name] = pair,
        };
        all[profile] = ofProfile;
        return this with { SigningKeys = all };
    }
}
