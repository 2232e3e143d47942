using Hangar.Data.Devices;
using Hangar.Data.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hangar.Data.Ddi;

internal sealed class DdiTargetConfiguration : IEntityTypeConfiguration<DdiTarget>
{
    public void Configure(EntityTypeBuilder<DdiTarget> builder)
    {
        builder.HasKey(t => t.DeviceId);
        builder.Property(t => t.TokenHash).HasMaxLength(32);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.Property(t => t.Attributes).HasMaxLength(64 * 1024);
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        // The target is part of the device: deleting the device deletes its token and attributes.
        builder.HasOne<Device>().WithOne().HasForeignKey<DdiTarget>(t => t.DeviceId).OnDelete(DeleteBehavior.Cascade);
    }
}
