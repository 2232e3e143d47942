using Hangar.Core.Releases;
using Hangar.Data.Devices;
using Hangar.Data.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hangar.Data.Releases;

internal sealed class DeviceUpdateReportConfiguration : IEntityTypeConfiguration<DeviceUpdateReport>
{
    public void Configure(EntityTypeBuilder<DeviceUpdateReport> builder)
    {
        builder.HasKey(r => new { r.DeviceId, r.ReportId });
        builder.Property(r => r.State).HasConversion(s => s.ToWire(), s => UpdateStates.Parse(s)).HasMaxLength(16);
        builder.HasIndex(r => r.DeviceUpdateId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Device>().WithMany().HasForeignKey(r => r.DeviceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DeviceUpdate>().WithMany().HasForeignKey(r => r.DeviceUpdateId).OnDelete(DeleteBehavior.Cascade);
    }
}
