using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Hangar.Core.Versions;

/// <summary>
/// A Semantic Versioning 2.0.0 version. Ordering follows semver precedence: build metadata is ignored, a pre-release
/// sorts before its release, and pre-release identifiers compare numerically when numeric, else ordinally.
/// </summary>
public sealed class SemanticVersion : IComparable<SemanticVersion>, IEquatable<SemanticVersion>
{
    public const int MaxLength = 256;

    private SemanticVersion(long major, long minor, long patch, string[] preRelease, string build)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        PreRelease = preRelease;
        Build = build;
    }

    public long Major { get; }
    public long Minor { get; }
    public long Patch { get; }
    public IReadOnlyList<string> PreRelease { get; }
    public string Build { get; }
    public bool IsPreRelease => PreRelease.Count > 0;

    public static SemanticVersion Create(long major, long minor, long patch, params string[] preRelease) =>
        new(major, minor, patch, preRelease, "");

    public static bool TryParse(string? text, [NotNullWhen(true)] out SemanticVersion? version)
    {
        version = null;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            return false;
        }

        var build = "";
        var plus = text.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            build = text[(plus + 1)..];
            if (!build.Split('.').All(IsIdentifier))
            {
                return false;
            }

            text = text[..plus];
        }

        string[] preRelease = [];
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            preRelease = text[(dash + 1)..].Split('.');
            if (!preRelease.All(id => IsIdentifier(id) && !(IsNumeric(id) && id.Length > 1 && id[0] == '0')))
            {
                return false;
            }

            text = text[..dash];
        }

        var core = text.Split('.');
        if (core.Length != 3
            || !TryParseNumber(core[0], out var major)
            || !TryParseNumber(core[1], out var minor)
            || !TryParseNumber(core[2], out var patch))
        {
            return false;
        }

        version = new SemanticVersion(major, minor, patch, preRelease, build);
        return true;
    }

    public static SemanticVersion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"'{text}' is not a semantic version (e.g. 1.4.2 or 2.0.0-rc.1)");

    public int CompareTo(SemanticVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var core = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
        if (core != 0)
        {
            return core;
        }

        // A release outranks any of its pre-releases.
        if (IsPreRelease != other.IsPreRelease)
        {
            return IsPreRelease ? -1 : 1;
        }

        for (var i = 0; i < Math.Min(PreRelease.Count, other.PreRelease.Count); i++)
        {
            var order = CompareIdentifiers(PreRelease[i], other.PreRelease[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return PreRelease.Count.CompareTo(other.PreRelease.Count);
    }

    /// <summary>Equal in precedence: build metadata does not count.</summary>
    public bool Equals(SemanticVersion? other) => other is not null && CompareTo(other) == 0;

    public override bool Equals(object? obj) => Equals(obj as SemanticVersion);

    public override int GetHashCode() => HashCode.Combine(Major, Minor, Patch, string.Join('.', PreRelease));

    public override string ToString() =>
        $"{Major}.{Minor}.{Patch}{(IsPreRelease ? "-" + string.Join('.', PreRelease) : "")}{(Build.Length > 0 ? "+" + Build : "")}";

    public static bool operator <(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) < 0;
    public static bool operator >(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) > 0;
    public static bool operator <=(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) <= 0;
    public static bool operator >=(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) >= 0;
    public static bool operator ==(SemanticVersion? left, SemanticVersion? right) => left is null ? right is null : left.Equals(right);
    public static bool operator !=(SemanticVersion? left, SemanticVersion? right) => !(left == right);

    private static int CompareIdentifiers(string left, string right)
    {
        var leftNumeric = IsNumeric(left);
        var rightNumeric = IsNumeric(right);
        if (leftNumeric && rightNumeric)
        {
            // Compare by length first: numeric identifiers have no leading zeros and may exceed long.
            var byLength = left.Length.CompareTo(right.Length);
            return byLength != 0 ? byLength : string.CompareOrdinal(left, right);
        }

        return leftNumeric ? -1 : rightNumeric ? 1 : string.CompareOrdinal(left, right);
    }

    private static bool TryParseNumber(string text, out long value)
    {
        value = 0;
        return IsNumeric(text)
            && (text.Length == 1 || text[0] != '0')
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool IsNumeric(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);

    private static bool IsIdentifier(string text) => text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
