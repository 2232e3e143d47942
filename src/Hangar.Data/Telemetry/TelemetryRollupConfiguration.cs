using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hangar.Data.Telemetry;

internal sealed class TelemetryRollupConfiguration : IEntityTypeConfiguration<TelemetryRollup>
{
    public void Configure(EntityTypeBuilder<TelemetryRollup> builder)
    {
        builder.HasKey(r => new { r.SeriesId, r.Resolution, r.Bucket });
        // Retention deletes per resolution by bucket.
        builder.HasIndex(r => new { r.Resolution, r.Bucket });
        builder.HasOne<TelemetrySeries>().WithMany().HasForeignKey(r => r.SeriesId).OnDelete(DeleteBehavior.Cascade);
    }
}
