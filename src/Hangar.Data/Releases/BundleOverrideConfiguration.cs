using Hangar.Data.Firmware;
using Hangar.Data.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hangar.Data.Releases;

internal sealed class BundleOverrideConfiguration : IEntityTypeConfiguration<BundleOverride>
{
    public void Configure(EntityTypeBuilder<BundleOverride> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Name).HasMaxLength(128);
        builder.Property(o => o.Description).HasMaxLength(256);
        builder.HasIndex(o => new { o.OrganizationId, o.Name }).IsUnique();
        builder.HasIndex(o => o.BundleId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(o => o.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Bundle>().WithMany().HasForeignKey(o => o.BundleId).OnDelete(DeleteBehavior.Restrict);
    }
}
