using Hangar.Data.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hangar.Data.Devices;

internal sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Identifier).HasMaxLength(128);
        builder.Property(d => d.Description).HasMaxLength(256);
        builder.Property(d => d.Target).HasMaxLength(128);
        builder.Property(d => d.ReportedReleaseVersion).HasMaxLength(128);
        builder.HasIndex(d => new { d.OrganizationId, d.Identifier }).IsUnique();
        builder.HasIndex(d => d.ProductId);
        builder.HasIndex(d => d.CohortId);
        builder.Property(d => d.RemoteAddress).HasMaxLength(64);
        builder.Property(d => d.PresenceNode).HasMaxLength(64);
        // Online counts per product and cohort (fleet summary), and the sweep of claims no node renews.
        builder.HasIndex(d => new { d.ProductId, d.CohortId, d.Online });
        builder.HasIndex(d => new { d.Online, d.LastSeenAt });
        builder.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Product>().WithMany().HasForeignKey(d => d.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Cohort>().WithMany().HasForeignKey(d => d.CohortId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Tags).WithOne().HasForeignKey(t => t.DeviceId).OnDelete(DeleteBehavior.Cascade);
    }
}
