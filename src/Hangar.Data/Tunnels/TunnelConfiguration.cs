using Hangar.Data.Devices;
using Hangar.Data.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hangar.Data.Tunnels;

internal sealed class TunnelConfiguration : IEntityTypeConfiguration<Tunnel>
{
    public void Configure(EntityTypeBuilder<Tunnel> builder)
    {
        builder.ToTable("tunnels");
        builder.HasKey(t => t.Id);
        builder.HasIndex(t => new { t.OrganizationId, t.Id });
        // The expiry sweep reads the tunnels not closed yet, across organizations.
        builder.HasIndex(t => new { t.State, t.ExpiresAt });
        builder.HasIndex(t => t.DeviceId);
        builder.Property(t => t.State).HasConversion(s => s.ToString().ToLowerInvariant(), s => Enum.Parse<TunnelState>(s, true)).HasMaxLength(16);
        builder.Property(t => t.CidrAllowlist).HasMaxLength(2048);
        builder.Property(t => t.CloseReason).HasMaxLength(32);
        builder.Property(t => t.CloseMessage).HasMaxLength(300);
        builder.Property(t => t.TokenHash).HasMaxLength(32);
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Device>().WithMany().HasForeignKey(t => t.DeviceId).OnDelete(DeleteBehavior.Cascade);
    }
}
