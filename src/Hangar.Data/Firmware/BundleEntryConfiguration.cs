using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hangar.Data.Firmware;

internal sealed class BundleEntryConfiguration : IEntityTypeConfiguration<BundleEntry>
{
    public void Configure(EntityTypeBuilder<BundleEntry> builder)
    {
        builder.HasKey(e => new { e.BundleId, e.Position });
        builder.HasIndex(e => e.BinaryId);
        builder.HasOne<Bundle>().WithMany().HasForeignKey(e => e.BundleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Binary>().WithMany().HasForeignKey(e => e.BinaryId).OnDelete(DeleteBehavior.Restrict);
    }
}
