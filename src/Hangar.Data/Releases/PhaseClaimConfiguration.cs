using Hangar.Data.Devices;
using Hangar.Data.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hangar.Data.Releases;

internal sealed class PhaseClaimConfiguration : IEntityTypeConfiguration<PhaseClaim>
{
    public void Configure(EntityTypeBuilder<PhaseClaim> builder)
    {
        // The key makes a second claim by the same device impossible, however many checks race.
        builder.HasKey(c => new { c.ReleaseId, c.DeviceId });
        builder.HasIndex(c => c.DeviceId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Release>().WithMany().HasForeignKey(c => c.ReleaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Device>().WithMany().HasForeignKey(c => c.DeviceId).OnDelete(DeleteBehavior.Cascade);
    }
}
