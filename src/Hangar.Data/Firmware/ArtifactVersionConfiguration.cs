using Hangar.Data.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hangar.Data.Firmware;

internal sealed class ArtifactVersionConfiguration : IEntityTypeConfiguration<ArtifactVersion>
{
    public void Configure(EntityTypeBuilder<ArtifactVersion> builder)
    {
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Version).HasMaxLength(128);
        builder.Property(v => v.Description).HasMaxLength(256);
        builder.HasIndex(v => new { v.ArtifactId, v.Version }).IsUnique();
        builder.HasIndex(v => new { v.OrganizationId, v.Id });
        builder.HasOne<Artifact>().WithMany().HasForeignKey(v => v.ArtifactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(v => v.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
