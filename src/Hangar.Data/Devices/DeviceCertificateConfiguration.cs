using Hangar.Data.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hangar.Data.Devices;

internal sealed class DeviceCertificateConfiguration : IEntityTypeConfiguration<DeviceCertificate>
{
    public void Configure(EntityTypeBuilder<DeviceCertificate> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Fingerprint).HasMaxLength(64);
        builder.Property(c => c.SpkiHash).HasMaxLength(64);
        builder.Property(c => c.Serial).HasMaxLength(64);
        builder.Property(c => c.Subject).HasMaxLength(1024);
        builder.Property(c => c.Issuer).HasMaxLength(1024);
        builder.Property(c => c.Pem).HasMaxLength(16384);
        builder.Property(c => c.Status).HasConversion(s => s == CertificateStatus.Active ? "active" : "revoked",
            s => s == "active" ? CertificateStatus.Active : CertificateStatus.Revoked).HasMaxLength(16);
        builder.HasIndex(c => c.Fingerprint).IsUnique();
        builder.HasIndex(c => c.DeviceId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Device>().WithMany().HasForeignKey(c => c.DeviceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CaCertificate>().WithMany().HasForeignKey(c => c.CaCertificateId).OnDelete(DeleteBehavior.SetNull);
    }
}
