using System.Text.Json;
using Hangar.Contracts;
using Hangar.Contracts.Common;
using Hangar.Contracts.Telemetry;
using Hangar.Core.Access;
using Hangar.Data;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.References;
using Hangar.Server.Hosting.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Telemetry;

/// <summary>A device's metric series (<c>GET /devices/{id}/metrics</c>) and its latest heartbeat (<c>GET /devices/{id}/heartbeat</c>).</summary>
internal static class DeviceMetricsEndpoints
{
    public static void MapDeviceMetrics(this RouteGroupBuilder api)
    {
        api.MapGet("/devices/{id}/metrics", SeriesAsync).WithTags("Devices").Requires(Permission.DeviceRead)
            .WithSummary("Read a device's metric series")
            .WithDescription("The device's series of one metric name (one per label set) from `from` to `to` (ISO 8601; default the last hour), "
                + "one point per `step` (30s, 5m, 1h…; default: at most 300 steps) aggregated by `agg` (avg, min, max, sum, count, last). "
                + "Steps under a minute read the raw points, whole minutes the 1-minute rollups, whole hours the 1-hour rollups (rollups trail the "
                + "raw points by up to the rollup interval). Steps without data are left out; series × steps is bounded (400 beyond: widen the step).");
        api.MapGet("/devices/{id}/heartbeat", HeartbeatAsync).WithTags("Devices").Requires(Permission.DeviceRead)
            .WithSummary("Read a device's latest heartbeat")
            .WithDescription("The latest heartbeat the device sent (uptime, load, memory, disks, temperatures, network, agent version, boot id); 404 if it never sent one.");
    }

    private static async Task<Results<Ok<DeviceMetricsResponse>, ProblemHttpResult>> SeriesAsync(
        string id, string? name, string? from, string? to, string? step, string? agg, HttpContext http, HangarDbContext db,
        TimeProvider time, IOptions<TelemetryOptions> options, CancellationToken cancellationToken)
    {
        var device = await db.Devices.AsNoTracking().FindByReferenceAsync(db, ReferenceRules.Device, id, http.RequireCaller().OrganizationId, cancellationToken);
        if (device is null)
        {
            return Problems.NotFound("Device");
        }

        var validator = new RequestValidator();
        if (string.IsNullOrEmpty(name))
        {
            validator.Add("name", "is required: the metric name (e.g. heartbeat.load1).");
        }

        var window = MetricWindow.TryRead(from, to, step, agg, time.GetUtcNow(), validator);
        if (window is null || !validator.IsValid)
        {
            return validator.Problem();
        }

        var series = await db.TelemetrySeries.AsNoTracking().Where(s => s.DeviceId == device.Id && s.Name == name)
            .OrderBy(s => s.Id).Select(s => new { s.Id, s.Labels, s.Unit }).ToListAsync(cancellationToken);
        var max = options.Value.MaxPointsPerAnswer;
        if (window.Steps * Math.Max(1, series.Count) > max)
        {
            return Problems.Validation("step", $"{window.Steps} steps × {series.Count} series exceed the {max} points an answer holds: widen the step or narrow the window.");
        }

        var ids = series.Select(s => s.Id).ToList();
        var cells = await MetricCells.ReadAsync(db, ids, window, cancellationToken);
        var answer = series.Select(s => new MetricSeriesResponse(
            TelemetryBatchReader.ParseLabels(s.Labels), s.Unit,
            cells.GetValueOrDefault(s.Id, []).Select(c => new MetricPointResponse(DateTime.UnixEpoch.AddMilliseconds(c.Key), c.Value.Value(window.Aggregation))).ToList())).ToList();
        return TypedResults.Ok(new DeviceMetricsResponse(device.Id, name!, DateTime.UnixEpoch.AddMilliseconds(window.From), DateTime.UnixEpoch.AddMilliseconds(window.To),
            window.StepSeconds, window.Aggregation, window.ResolutionName, answer));
    }

    private static async Task<Results<Ok<DeviceHeartbeatResponse>, ProblemHttpResult>> HeartbeatAsync(string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var device = await db.Devices.AsNoTracking().FindByReferenceAsync(db, ReferenceRules.Device, id, http.RequireCaller().OrganizationId, cancellationToken);
        var heartbeat = device is null ? null : await db.DeviceHeartbeats.AsNoTracking().FirstOrDefaultAsync(h => h.DeviceId == device.Id, cancellationToken);
        if (heartbeat is null)
        {
            return device is null ? Problems.NotFound("Device") : Problems.Create(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "Not found", "The device has sent no heartbeat.");
        }

        return TypedResults.Ok(new DeviceHeartbeatResponse(heartbeat.DeviceId, heartbeat.ReceivedAt,
            JsonSerializer.Deserialize(heartbeat.Document, HangarJsonContext.Default.HeartbeatRequest)!));
    }
}
