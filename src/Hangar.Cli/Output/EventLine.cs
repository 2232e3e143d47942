using System.Text.Json;
using Hangar.Contracts.Events;

namespace Hangar.Cli.Output;

/// <summary>
/// One event as <c>events tail</c> prints it in a table: time, type, resource, actor, what changed where the type says
/// something worth reading at a glance (an update's state), and the id last, for <c>--after</c>.
/// </summary>
internal static class EventLine
{
    public static string Format(EventResponse evt)
    {
        var change = Change(evt);
        return $"{CellText.Format(evt.Time)}  {evt.Type,-28} {evt.ResourceHrn}  {evt.ActorName ?? evt.ActorType}  {(change is null ? "" : change + "  ")}{evt.Id}";
    }

    /// <summary>"gw-0001 downloading -> installing" for <c>update.status_changed</c>, with the reason of a failure.</summary>
    private static string? Change(EventResponse evt)
    {
        if (evt.Type != "update.status_changed" || evt.Data.ValueKind != JsonValueKind.Object
            || Text(evt.Data, "from") is not { } from || Text(evt.Data, "to") is not { } to)
        {
            return null;
        }

        var device = Text(evt.Data, "identifier");
        var reason = Text(evt.Data, "reason");
        return $"{(device is null ? "" : device + " ")}{from} -> {to}{(reason is null ? "" : $" ({reason})")}";
    }

    private static string? Text(JsonElement data, string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
