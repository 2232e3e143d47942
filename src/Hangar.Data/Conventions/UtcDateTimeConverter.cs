using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Hangar.Data.Conventions;

/// <summary>
/// All times are UTC. SQLite stores no kind and hands back Unspecified; PostgreSQL's timestamptz insists on Utc.
/// This converter makes both read back as Utc and refuses local times on the way in.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => RequireUtc(v),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc))
{
    internal static DateTime RequireUtc(DateTime value) =>
        value.Kind == DateTimeKind.Utc ? value : throw new ArgumentException("times stored by Hangar must be UTC", nameof(value));
}
