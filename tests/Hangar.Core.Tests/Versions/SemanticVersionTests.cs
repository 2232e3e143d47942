using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Hangar.Core.Versions;
using Xunit;

namespace Hangar.Core.Tests.Versions;

public sealed class SemanticVersionTests
{
    // The precedence example of semver.org §11, in ascending order.
    private static readonly string[] Ascending =
        ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0"];

    [Fact]
    public void Precedence_FollowsTheSpecification()
    {
        var versions = Ascending.Select(SemanticVersion.Parse).ToList();
        for (var i = 0; i < versions.Count - 1; i++)
        {
            Assert.True(versions[i] < versions[i + 1], $"{versions[i]} < {versions[i + 1]}");
        }

        Assert.Equal(versions, versions.AsEnumerable().Reverse().Order().ToList());
    }

    [Fact]
    public void BuildMetadata_DoesNotAffectPrecedence()
    {
        Assert.Equal(SemanticVersion.Parse("1.2.3+build.5"), SemanticVersion.Parse("1.2.3+other"));
        Assert.Equal("1.2.3-rc.1+build.5", SemanticVersion.Parse("1.2.3-rc.1+build.5").ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("1.2")]
    [InlineData("1.2.3.4")]
    [InlineData("01.2.3")]
    [InlineData("1.2.3-01")]
    [InlineData("1.2.3-")]
    [InlineData("1.2.3-a..b")]
    [InlineData("1.2.3+")]
    [InlineData("v1.2.3")]
    [InlineData("1.2.3 ")]
    [InlineData("99999999999999999999.0.0")]
    [InlineData("-1.0.0")]
    public void Malformed_IsRejected(string text) => Assert.False(SemanticVersion.TryParse(text, out _));

    [Fact]
    public void AbsurdlyLong_IsRejected() =>
        Assert.False(SemanticVersion.TryParse("1.0.0-" + new string('a', 300), out _));

    [Property]
    public Property Ordering_IsATotalOrderConsistentWithEquality() =>
        Prop.ForAll(Versions.ToArbitrary(), Versions.ToArbitrary(), (a, b) =>
            Math.Sign(a.CompareTo(b)) == -Math.Sign(b.CompareTo(a)) && (a.CompareTo(b) == 0) == a.Equals(b));

    [Property]
    public Property ToString_ParsesBackToAnEqualVersion() =>
        Prop.ForAll(Versions.ToArbitrary(), v => SemanticVersion.Parse(v.ToString()) == v);

    internal static Gen<SemanticVersion> Versions { get; } =
        from major in Gen.Choose(0, 3)
        from minor in Gen.Choose(0, 3)
        from patch in Gen.Choose(0, 3)
        from pre in Gen.Elements<string[]>([], ["alpha"], ["alpha", "1"], ["rc", "2"], ["rc", "10"], ["beta"])
        select SemanticVersion.Create(major, minor, patch, pre);
}
