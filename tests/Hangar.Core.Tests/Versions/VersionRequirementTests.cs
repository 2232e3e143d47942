using Hangar.Core.Versions;
using Xunit;

namespace Hangar.Core.Tests.Versions;

public sealed class VersionRequirementTests
{
    [Theory]
    [InlineData(">= 1.0.0 and < 2.0.0", "1.0.0", true)]
    [InlineData(">= 1.0.0 and < 2.0.0", "1.9.9", true)]
    [InlineData(">= 1.0.0 and < 2.0.0", "2.0.0", false)]
    [InlineData(">= 1.0.0 and < 2.0.0", "0.9.0", false)]
    [InlineData("~> 2.1", "2.1.0", true)]
    [InlineData("~> 2.1", "2.9.3", true)]
    [InlineData("~> 2.1", "3.0.0", false)]
    [InlineData("~> 2.1", "3.0.0-rc.1", false)]
    [InlineData("~> 2.1", "2.0.9", false)]
    [InlineData("~> 2.1.3", "2.1.9", true)]
    [InlineData("~> 2.1.3", "2.2.0", false)]
    [InlineData("~> 2.1.3", "2.1.2", false)]
    [InlineData("1.2.3", "1.2.3", true)]
    [InlineData("== 1.2.3", "1.2.4", false)]
    [InlineData("!= 1.2.3", "1.2.4", true)]
    [InlineData("< 1.0.0 or > 2.0.0", "2.1.0", true)]
    [InlineData("< 1.0.0 or > 2.0.0", "1.5.0", false)]
    [InlineData("> 1.0.0 and < 1.5.0 or == 3.0.0", "3.0.0", true)]
    [InlineData(">= 1.0.0-rc.1", "1.0.0-rc.2", true)]
    public void IsSatisfiedBy_FollowsTheOperators(string requirement, string version, bool expected)
    {
        Assert.True(VersionRequirement.TryParse(requirement, out var parsed, out var error), error);
        Assert.Equal(expected, parsed.IsSatisfiedBy(SemanticVersion.Parse(version)));
    }

    [Theory]
    [InlineData("")]
    [InlineData(">= 1.0")]
    [InlineData(">= banana")]
    [InlineData("=> 1.0.0")]
    [InlineData(">= 1.0.0 and")]
    [InlineData("~> 2")]
    public void Malformed_IsRejectedWithAReason(string requirement)
    {
        Assert.False(VersionRequirement.TryParse(requirement, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void TooManyClauses_AreRejected()
    {
        var text = string.Join(" and ", Enumerable.Repeat(">= 1.0.0", 33));
        Assert.False(VersionRequirement.TryParse(text, out _, out var error));
        Assert.Contains("at most", error, StringComparison.Ordinal);
    }
}
