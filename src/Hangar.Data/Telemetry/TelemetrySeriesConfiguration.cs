using Hangar.Data.Devices;
using Hangar.Data.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hangar.Data.Telemetry;

internal sealed class TelemetrySeriesConfiguration : IEntityTypeConfiguration<TelemetrySeries>
{
    public void Configure(EntityTypeBuilder<TelemetrySeries> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(256);
        builder.Property(s => s.Labels).HasMaxLength(8192);
        builder.Property(s => s.Unit).HasMaxLength(32);
        builder.HasIndex(s => new { s.DeviceId, s.Name, s.Labels }).IsUnique();
        builder.HasIndex(s => new { s.OrganizationId, s.Name });
        builder.HasOne<Device>().WithMany().HasForeignKey(s => s.DeviceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
