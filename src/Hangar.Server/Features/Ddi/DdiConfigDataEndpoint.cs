using System.Text.Json;
using Hangar.Data;
using Hangar.Data.Ddi;
using Hangar.Server.Hosting.Problems;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Ddi;

/// <summary>
/// <c>PUT configData</c>: the client's attributes (<c>{"mode": "merge" | "replace" | "remove", "data": {…}}</c>, a flat
/// string map; merge by default), stored on the device and shown by <c>GET /api/v1/devices/{id}/ddi</c>. The poll links
/// configData following hawkBit's rule (<see cref="Wanted"/>).
/// </summary>
internal static class DdiConfigDataEndpoint
{
    /// <summary>Everything the client may store, as hawkBit bounds a target's attributes too.</summary>
    private const int MaxAttributes = 100;

    private const int MaxLength = 128;

    public static void MapDdiConfigData(this RouteGroupBuilder controller) => controller.MapPut("/configData", PutAsync);

    /// <summary>
    /// hawkBit asks for attributes at the first registration, after a successful update, and when an operator asks:
    /// here, while none were sent, when the last committed update finished after they were, or when requested.
    /// </summary>
    public static bool Wanted(DdiTarget? target, DateTime? lastCommittedAt) =>
        target?.Attributes is null || target.AttributesRequested || (lastCommittedAt is { } committed && committed > target.AttributesUpdatedAt);

    private static async Task<IResult> PutAsync(
        string tenant, string controllerId, JsonElement body, HttpContext http, HangarDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (controller, problem) = await DdiController.ResolveAsync(http, db, tenant, controllerId, cancellationToken);
        if (controller is null)
        {
            return problem!;
        }

        var mode = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("mode", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : "merge";
        if (mode is not ("merge" or "replace" or "remove"))
        {
            return Problems.Validation("mode", "must be merge, replace or remove.");
        }

        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
            || data.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.String || p.Name.Length is 0 or > MaxLength || p.Value.GetString()!.Length > MaxLength))
        {
            return Problems.Validation("data", $"must be an object of string values (keys of 1 to {MaxLength} characters, values of up to {MaxLength}).");
        }

        var device = await db.Devices.SingleAsync(d => d.Id == controller.DeviceId, cancellationToken);
        var target = await Admin.DdiTargetEndpoints.TargetAsync(db, device, cancellationToken);
        var attributes = mode == "replace" || target.Attributes is null
            ? new SortedDictionary<string, string>(StringComparer.Ordinal)
            : new SortedDictionary<string, string>(JsonSerializer.Deserialize<Dictionary<string, string>>(target.Attributes)!, StringComparer.Ordinal);
        foreach (var attribute in data.EnumerateObject())
        {
            if (mode == "remove")
            {
                attributes.Remove(attribute.Name);
            }
            else
            {
                attributes[attribute.Name] = attribute.Value.GetString()!;
            }
        }

        if (attributes.Count > MaxAttributes)
        {
            return Problems.Validation("data", $"a device keeps at most {MaxAttributes} attributes.");
        }

        target.Attributes = JsonSerializer.Serialize(attributes);
        target.AttributesUpdatedAt = time.GetUtcNow().UtcDateTime;
        target.AttributesRequested = false;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok();
    }
}
