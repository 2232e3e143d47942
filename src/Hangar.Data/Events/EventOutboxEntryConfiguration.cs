using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hangar.Data.Events;

internal sealed class EventOutboxEntryConfiguration : IEntityTypeConfiguration<EventOutboxEntry>
{
    public void Configure(EntityTypeBuilder<EventOutboxEntry> builder)
    {
        builder.ToTable("event_outbox");
        builder.HasKey(e => e.EventId);
        builder.HasOne<Event>().WithMany().HasForeignKey(e => e.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
