namespace Hangar.Core.Releases;

/// <summary>A bundle override naming the device. <see cref="EndsAt"/> null means open-ended.</summary>
public sealed record ActiveOverride(Guid Id, Guid BundleId, DateTime StartsAt, DateTime? EndsAt)
{
    public bool IsActiveAt(DateTime now) => StartsAt <= now && (EndsAt is null || now < EndsAt);
}
