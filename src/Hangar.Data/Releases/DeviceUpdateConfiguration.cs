using Hangar.Core.Releases;
using Hangar.Data.Devices;
using Hangar.Data.Firmware;
using Hangar.Data.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hangar.Data.Releases;

internal sealed class DeviceUpdateConfiguration : IEntityTypeConfiguration<DeviceUpdate>
{
    public void Configure(EntityTypeBuilder<DeviceUpdate> builder)
    {
        builder.HasKey(u => u.Id);
        builder.Property(u => u.State).HasConversion(s => s.ToWire(), s => UpdateStates.Parse(s)).HasMaxLength(16);
        builder.Property(u => u.LogTail).HasMaxLength(4096);
        builder.Property(u => u.Reason).HasMaxLength(512);
        // One row per (device, release) and per (device, override); NULLs are distinct, so each index covers its kind only.
        builder.HasIndex(u => new { u.DeviceId, u.ReleaseId }).IsUnique();
        builder.HasIndex(u => new { u.DeviceId, u.BundleOverrideId }).IsUnique();
        builder.HasIndex(u => new { u.ReleaseId, u.State });
        builder.HasIndex(u => new { u.BundleOverrideId, u.State });
        builder.HasOne<Organization>().WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Device>().WithMany().HasForeignKey(u => u.DeviceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Release>().WithMany().HasForeignKey(u => u.ReleaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<BundleOverride>().WithMany().HasForeignKey(u => u.BundleOverrideId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Bundle>().WithMany().HasForeignKey(u => u.BundleId).OnDelete(DeleteBehavior.Restrict);
    }
}
