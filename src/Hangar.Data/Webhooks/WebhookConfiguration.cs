using Hangar.Data.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hangar.Data.Webhooks;

internal sealed class WebhookConfiguration : IEntityTypeConfiguration<Webhook>
{
    public void Configure(EntityTypeBuilder<Webhook> builder)
    {
        builder.ToTable("webhooks");
        builder.HasKey(w => w.Id);
        builder.HasIndex(w => new { w.OrganizationId, w.Id });
        builder.Property(w => w.Url).HasMaxLength(1024);
        builder.Property(w => w.Description).HasMaxLength(500);
        builder.Property(w => w.EnabledEvents).HasMaxLength(4096);
        builder.Property(w => w.State).HasConversion(s => s == WebhookState.Enabled ? "enabled" : "disabled",
            s => s == "enabled" ? WebhookState.Enabled : WebhookState.Disabled).HasMaxLength(16);
        builder.Property(w => w.DisabledReason).HasMaxLength(200);
        builder.Property(w => w.ProtectedSecret).HasMaxLength(1024);
        builder.Property(w => w.ProtectedPreviousSecret).HasMaxLength(1024);
        builder.HasOne<Organization>().WithMany().HasForeignKey(w => w.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
