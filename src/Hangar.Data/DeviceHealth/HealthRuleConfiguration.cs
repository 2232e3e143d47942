using Hangar.Data.Devices;
using Hangar.Data.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hangar.Data.DeviceHealth;

internal sealed class HealthRuleConfiguration : IEntityTypeConfiguration<HealthRule>
{
    public void Configure(EntityTypeBuilder<HealthRule> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Name).HasMaxLength(128);
        builder.Property(r => r.Kind).HasMaxLength(16);
        builder.Property(r => r.Metric).HasMaxLength(256);
        builder.Property(r => r.Labels).HasMaxLength(8192);
        builder.Property(r => r.Aggregation).HasMaxLength(8);
        builder.Property(r => r.Operator).HasMaxLength(4);
        builder.Property(r => r.Severity).HasMaxLength(16);
        builder.HasIndex(r => new { r.OrganizationId, r.ProductId, r.Name }).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Product>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
