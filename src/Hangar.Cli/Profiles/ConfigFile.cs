namespace Hangar.Cli.Profiles;

/// <summary>The contents of <c>config.json</c>. <see cref="Version"/> lets a later CLI upgrade the file in place.</summary>
internal sealed record ConfigFile(int Version, IReadOnlyDictionary<string, Profile> Profiles)
{
    public const int CurrentVersion = 1;

    public static ConfigFile Empty { get; } = new(CurrentVersion, new Dictionary<string, Profile>(StringComparer.Ordinal));
}
