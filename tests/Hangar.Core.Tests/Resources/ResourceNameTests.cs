using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Hangar.Core.Resources;
using Xunit;

namespace Hangar.Core.Tests.Resources;

public sealed class ResourceNameTests
{
    private static readonly string[] Types = [ResourceTypes.User, ResourceTypes.Member, ResourceTypes.ApiKey, ResourceTypes.AuditEntry];

    [Property]
    public Property FormatThenParse_RoundTrips() =>
        Prop.ForAll(Arb.From(Gen.Elements(Types)), Arb.From(ArbMap.Default.GeneratorFor<Guid>()), Arb.From(ArbMap.Default.GeneratorFor<Guid>()),
            (type, organization, id) =>
            {
                var text = ResourceName.Format(organization, type, id);
                return ResourceName.TryParse(text, out var parsed) && parsed == new ResourceName(organization, type, id) && parsed.ToString() == text;
            });

    [Fact]
    public void Organization_HasTheShortForm()
    {
        var organization = Guid.Parse("01a209a2-7f97-757b-aefb-27d629218d94");
        Assert.Equal("hrn:1:01a209a2-7f97-757b-aefb-27d629218d94", ResourceName.ForOrganization(organization));
        Assert.True(ResourceName.TryParse("hrn:1:01a209a2-7f97-757b-aefb-27d629218d94", out var parsed));
        Assert.Equal(ResourceTypes.Organization, parsed.Type);
    }

    [Theory]
    [InlineData("")]
    [InlineData("prn:1:01a209a2-7f97-757b-aefb-27d629218d94")]
    [InlineData("hrn:2:01a209a2-7f97-757b-aefb-27d629218d94")]
    [InlineData("hrn:1:01a209a2-7f97-757b-aefb-27d629218d94:spaceship:01a209a2-7f97-757b-aefb-27d629218d94")]
    [InlineData("hrn:1:01a209a2-7f97-757b-aefb-27d629218d94:organization:01a209a2-7f97-757b-aefb-27d629218d94")]
    [InlineData("hrn:1:01a209a2-7f97-757b-aefb-27d629218d94:api_key")]
    [InlineData("hrn:1:not-a-uuid:api_key:01a209a2-7f97-757b-aefb-27d629218d94")]
    [InlineData("hrn:1:01a209a2-7f97-757b-aefb-27d629218d94:api_key:01a209a2-7f97-757b-aefb-27d629218d94:extra")]
    public void Malformed_IsRejected(string text) => Assert.False(ResourceName.TryParse(text, out _));

    [Fact]
    public void Reference_AcceptsABareIdOrAResourceNameOfTheCallersOrganizationOnly()
    {
        var mine = Guid.CreateVersion7();
        var theirs = Guid.CreateVersion7();
        var id = Guid.CreateVersion7();

        Assert.Equal(id, ResourceReference.Resolve(id.ToString(), ResourceTypes.ApiKey, mine));
        Assert.Equal(id, ResourceReference.Resolve(ResourceName.Format(mine, ResourceTypes.ApiKey, id), ResourceTypes.ApiKey, mine));
        Assert.Null(ResourceReference.Resolve(ResourceName.Format(theirs, ResourceTypes.ApiKey, id), ResourceTypes.ApiKey, mine));
        Assert.Null(ResourceReference.Resolve(ResourceName.Format(mine, ResourceTypes.Member, id), ResourceTypes.ApiKey, mine));
        Assert.Null(ResourceReference.Resolve("42", ResourceTypes.ApiKey, mine));
    }
}
