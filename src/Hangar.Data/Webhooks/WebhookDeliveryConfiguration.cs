using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hangar.Data.Webhooks;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.HasKey(d => d.Id);
        builder.HasIndex(d => new { d.WebhookId, d.Id });
        builder.HasIndex(d => new { d.State, d.NextAttemptAt });
        // One delivery per event and endpoint, whichever node fans the event out.
        builder.HasIndex(d => new { d.WebhookId, d.EventId }).IsUnique();
        builder.Property(d => d.EventType).HasMaxLength(64);
        builder.Property(d => d.State).HasConversion(s => s.ToString().ToLowerInvariant(), s => Enum.Parse<WebhookDeliveryState>(s, true)).HasMaxLength(16);
        builder.Property(d => d.LastError).HasMaxLength(300);
        builder.HasOne<Webhook>().WithMany().HasForeignKey(d => d.WebhookId).OnDelete(DeleteBehavior.Cascade);
    }
}
