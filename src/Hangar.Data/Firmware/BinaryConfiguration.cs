using Hangar.Core.Firmware;
using Hangar.Data.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hangar.Data.Firmware;

internal sealed class BinaryConfiguration : IEntityTypeConfiguration<Binary>
{
    public void Configure(EntityTypeBuilder<Binary> builder)
    {
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Target).HasMaxLength(128);
        builder.Property(b => b.Sha256).HasMaxLength(64);
        builder.Property(b => b.Sha1).HasMaxLength(40);
        builder.Property(b => b.Md5).HasMaxLength(32);
        builder.Property(b => b.Description).HasMaxLength(256);
        builder.Property(b => b.LastError).HasMaxLength(512);
        builder.Property(b => b.State).HasConversion(s => s.ToWire(), s => BinaryStates.Parse(s)).HasMaxLength(16);
        // One live binary per version and target; a destroyed one no longer counts (same SQL on both providers).
        builder.HasIndex(b => new { b.ArtifactVersionId, b.Target }).IsUnique().HasFilter("state <> 'destroyed'");
        builder.HasIndex(b => b.Sha256);
        builder.HasIndex(b => b.State);
        builder.HasOne<ArtifactVersion>().WithMany().HasForeignKey(b => b.ArtifactVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(b => b.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
