using Hangar.Data.Devices;
using Hangar.Data.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hangar.Data.Telemetry;

internal sealed class DeviceHeartbeatConfiguration : IEntityTypeConfiguration<DeviceHeartbeat>
{
    public void Configure(EntityTypeBuilder<DeviceHeartbeat> builder)
    {
        builder.HasKey(h => h.DeviceId);
        builder.Property(h => h.Document).HasMaxLength(65536);
        builder.HasOne<Device>().WithOne().HasForeignKey<DeviceHeartbeat>(h => h.DeviceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(h => h.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
