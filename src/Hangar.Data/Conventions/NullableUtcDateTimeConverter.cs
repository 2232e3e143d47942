using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Hangar.Data.Conventions;

/// <summary>The nullable twin of <see cref="UtcDateTimeConverter"/>.</summary>
internal sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
    v => v == null ? v : UtcDateTimeConverter.RequireUtc(v.Value),
    v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
