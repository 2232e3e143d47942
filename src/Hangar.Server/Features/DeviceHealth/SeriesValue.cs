namespace Hangar.Server.Features.DeviceHealth;

/// <summary>One series' aggregate over a rule's window, as a grouped query projects it.</summary>
internal sealed class SeriesValue
{
    public Guid DeviceId { get; init; }
    public double Value { get; init; }
}
