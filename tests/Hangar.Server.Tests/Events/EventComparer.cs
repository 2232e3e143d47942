using Hangar.Contracts.Events;

namespace Hangar.Server.Tests.Events;

/// <summary>Events compared by value, their JSON data by its text (JsonElement has no value equality).</summary>
internal sealed class EventComparer : IEqualityComparer<EventResponse>
{
    public static readonly EventComparer Instance = new();

    public bool Equals(EventResponse? x, EventResponse? y) =>
        x is not null && y is not null && x with { Data = default } == y with { Data = default } && x.Data.GetRawText() == y.Data.GetRawText();

    public int GetHashCode(EventResponse obj) => obj.Id.GetHashCode();
}
