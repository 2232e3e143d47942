using Hangar.Data.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hangar.Data.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => new { a.OrganizationId, a.Id });
        builder.Property(a => a.ActorType).HasMaxLength(16);
        builder.Property(a => a.ActorName).HasMaxLength(254);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.ResourceType).HasMaxLength(32);
        builder.Property(a => a.Outcome).HasMaxLength(16);
        builder.Property(a => a.RequestId).HasMaxLength(64);
        builder.Property(a => a.ClientAddress).HasMaxLength(64);
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
