using Hangar.Data.Devices;
using Hangar.Data.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hangar.Data.Releases;

internal sealed class BundleOverrideDeviceConfiguration : IEntityTypeConfiguration<BundleOverrideDevice>
{
    public void Configure(EntityTypeBuilder<BundleOverrideDevice> builder)
    {
        builder.HasKey(d => new { d.BundleOverrideId, d.DeviceId });
        // The update check finds a device's overrides through this index.
        builder.HasIndex(d => d.DeviceId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BundleOverride>().WithMany().HasForeignKey(d => d.BundleOverrideId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Device>().WithMany().HasForeignKey(d => d.DeviceId).OnDelete(DeleteBehavior.Cascade);
    }
}
