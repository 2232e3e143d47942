using Hangar.Data.Devices;
using Hangar.Data.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hangar.Data.DeviceHealth;

internal sealed class DeviceHealthFailureConfiguration : IEntityTypeConfiguration<DeviceHealthFailure>
{
    public void Configure(EntityTypeBuilder<DeviceHealthFailure> builder)
    {
        builder.HasKey(f => new { f.DeviceId, f.RuleId });
        // The evaluator reads a rule's failures to find what changed.
        builder.HasIndex(f => f.RuleId);
        builder.HasOne<Device>().WithMany(d => d.HealthFailures).HasForeignKey(f => f.DeviceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Rule).WithMany().HasForeignKey(f => f.RuleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(f => f.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
