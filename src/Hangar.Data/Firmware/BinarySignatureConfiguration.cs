using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hangar.Data.Firmware;

internal sealed class BinarySignatureConfiguration : IEntityTypeConfiguration<BinarySignature>
{
    public void Configure(EntityTypeBuilder<BinarySignature> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Signature).HasMaxLength(64);
        builder.HasIndex(s => new { s.BinaryId, s.SigningKeyId }).IsUnique();
        builder.HasOne<Binary>().WithMany().HasForeignKey(s => s.BinaryId).OnDelete(DeleteBehavior.Restrict);
        // A key that signed something stays registered: removing it would orphan the signature's meaning.
        builder.HasOne<SigningKey>().WithMany().HasForeignKey(s => s.SigningKeyId).OnDelete(DeleteBehavior.Restrict);
    }
}
