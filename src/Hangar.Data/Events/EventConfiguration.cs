using Hangar.Data.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hangar.Data.Events;

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> builder)
    {
        builder.ToTable("events");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => new { e.OrganizationId, e.Id });
        builder.HasIndex(e => e.Time);
        builder.Property(e => e.Type).HasMaxLength(64);
        builder.Property(e => e.ActorType).HasMaxLength(16);
        builder.Property(e => e.ActorName).HasMaxLength(254);
        builder.Property(e => e.ResourceType).HasMaxLength(32);
        builder.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
