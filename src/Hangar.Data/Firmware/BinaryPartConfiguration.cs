using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hangar.Data.Firmware;

internal sealed class BinaryPartConfiguration : IEntityTypeConfiguration<BinaryPart>
{
    public void Configure(EntityTypeBuilder<BinaryPart> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Sha256).HasMaxLength(64);
        builder.HasIndex(p => new { p.BinaryId, p.Index }).IsUnique();
        builder.HasOne<Binary>().WithMany().HasForeignKey(p => p.BinaryId).OnDelete(DeleteBehavior.Cascade);
    }
}
