using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hangar.Data.Telemetry;

internal sealed class TelemetryPointConfiguration : IEntityTypeConfiguration<TelemetryPoint>
{
    public void Configure(EntityTypeBuilder<TelemetryPoint> builder)
    {
        builder.HasKey(p => p.Id);
        // Queries read a series over a time range; rollups and retention go by arrival. Nothing else is indexed:
        // every index is paid for on each of the many inserts.
        builder.HasIndex(p => new { p.SeriesId, p.Time });
        builder.HasIndex(p => p.ReceivedAt);
        builder.HasOne<TelemetrySeries>().WithMany().HasForeignKey(p => p.SeriesId).OnDelete(DeleteBehavior.Cascade);
    }
}
