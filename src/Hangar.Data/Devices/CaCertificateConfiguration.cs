using Hangar.Data.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hangar.Data.Devices;

internal sealed class CaCertificateConfiguration : IEntityTypeConfiguration<CaCertificate>
{
    public void Configure(EntityTypeBuilder<CaCertificate> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Fingerprint).HasMaxLength(64);
        builder.Property(c => c.SpkiHash).HasMaxLength(64);
        builder.Property(c => c.Serial).HasMaxLength(64);
        builder.Property(c => c.Subject).HasMaxLength(1024);
        builder.Property(c => c.Issuer).HasMaxLength(1024);
        builder.Property(c => c.Pem).HasMaxLength(16384);
        builder.Property(c => c.ChainPem).HasMaxLength(65536);
        builder.Property(c => c.Description).HasMaxLength(256);
        builder.Property(c => c.JitpTags).HasMaxLength(4096);
        builder.Property(c => c.JitpTarget).HasMaxLength(128);
        builder.Property(c => c.JitpDescription).HasMaxLength(256);
        builder.HasIndex(c => c.SpkiHash).IsUnique();
        builder.HasIndex(c => c.Subject);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Product>().WithMany().HasForeignKey(c => c.JitpProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Cohort>().WithMany().HasForeignKey(c => c.JitpCohortId).OnDelete(DeleteBehavior.Restrict);
    }
}
