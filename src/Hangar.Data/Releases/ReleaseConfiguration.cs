using Hangar.Data.Devices;
using Hangar.Data.Firmware;
using Hangar.Data.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hangar.Data.Releases;

internal sealed class ReleaseConfiguration : IEntityTypeConfiguration<Release>
{
    public void Configure(EntityTypeBuilder<Release> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Name).HasMaxLength(128);
        builder.Property(r => r.Description).HasMaxLength(256);
        builder.Property(r => r.PhaseMode).HasMaxLength(16);
        builder.Property(r => r.PhaseValue).HasPrecision(18, 6);
        builder.Property(r => r.Version).HasMaxLength(128);
        builder.Property(r => r.VersionRequirement).HasMaxLength(1024);
        builder.Property(r => r.HaltFailureRate).HasPrecision(9, 6);
        builder.Property(r => r.HaltReason).HasMaxLength(512);
        // Names are unique within a cohort so that operators and the CLI can tell releases apart in a graph.
        builder.HasIndex(r => new { r.CohortId, r.Name }).IsUnique();
        builder.HasIndex(r => new { r.OrganizationId, r.CreatedAt });
        builder.HasIndex(r => r.BundleId);
        builder.HasIndex(r => r.NextReleaseId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Cohort>().WithMany().HasForeignKey(r => r.CohortId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Bundle>().WithMany().HasForeignKey(r => r.BundleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Release>().WithMany().HasForeignKey(r => r.NextReleaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Release>().WithMany().HasForeignKey(r => r.RollbackOfReleaseId).OnDelete(DeleteBehavior.SetNull);
    }
}
