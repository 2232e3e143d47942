using Hangar.Data.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hangar.Data.Firmware;

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> builder)
    {
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Name).HasMaxLength(100);
        builder.Property(k => k.PublicKey).HasMaxLength(32);
        builder.Property(k => k.KeyId).HasMaxLength(64);
        builder.Property(k => k.RevocationReason).HasMaxLength(512);
        builder.HasIndex(k => new { k.OrganizationId, k.Name }).IsUnique();
        builder.HasIndex(k => new { k.OrganizationId, k.KeyId }).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(k => k.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
