using Hangar.Contracts.Common;
using Hangar.Data;
using Hangar.Data.Telemetry;
using Hangar.Data.Tenancy;
using Hangar.Server.Hosting.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Telemetry;

/// <summary>
/// Gives each point its series id, creating the series a batch brings, within the device's name and series limits
/// (checked for the whole batch before any series is created, so a refused batch creates nothing). The ids of recently
/// active devices are kept in memory (<c>Telemetry:SeriesCacheDevices</c>); the rest are read back on their next batch.
/// Nodes count separately between reads, so on several nodes a device can pass a limit by what the others created
/// since this node read its series.
/// </summary>
internal sealed class TelemetrySeriesRegistry(IServiceScopeFactory scopes, TimeProvider time, IOptions<TelemetryOptions> options) : IDisposable
{
    private readonly MemoryCache _devices = new(new MemoryCacheOptions { SizeLimit = options.Value.SeriesCacheDevices });

    /// <summary>The series id of each point, in order; or why the batch would pass a limit.</summary>
    public async Task<(long[]? Ids, TelemetryRefusal? Refusal)> ResolveAsync(Guid organizationId, Guid deviceId, IReadOnlyList<ParsedPoint> points, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var set = await SetOfAsync(deviceId, cancellationToken);
            var (missing, refusal) = Missing(set, points);
            if (refusal is not null)
            {
                return (null, refusal);
            }

            if (missing.Count == 0 || await TryCreateAsync(organizationId, deviceId, set, missing, cancellationToken))
            {
                return (Ids(set, points), null);
            }

            // Another node (or request) created one of them first: read the device's series again and retry.
            _devices.Remove(deviceId);
            if (attempt == 2)
            {
                throw new InvalidOperationException($"telemetry series of device {deviceId} kept changing while being created");
            }
        }
    }

    private (List<ParsedPoint> Missing, TelemetryRefusal? Refusal) Missing(DeviceSeriesSet set, IReadOnlyList<ParsedPoint> points)
    {
        var limits = options.Value;
        var missing = new Dictionary<(string, string), ParsedPoint>();
        var newNames = new HashSet<string>(StringComparer.Ordinal);
        lock (set.Gate)
        {
            foreach (var point in points)
            {
                if (!set.TryGet(point.Name, point.Labels, out _))
                {
                    missing.TryAdd((point.Name, point.Labels), point);
                    if (!set.HasName(point.Name))
                    {
                        newNames.Add(point.Name);
                    }
                }
            }

            if (set.NameCount + newNames.Count > limits.MaxNamesPerDevice)
            {
                return ([], new TelemetryRefusal(StatusCodes.Status422UnprocessableEntity, ErrorCodes.TelemetryNameLimit,
                    $"The device has {set.NameCount} metric names and the batch adds {newNames.Count}: at most {limits.MaxNamesPerDevice} are kept per device. Nothing of the batch was stored."));
            }

            if (set.SeriesCount + missing.Count > limits.MaxSeriesPerDevice)
            {
                return ([], new TelemetryRefusal(StatusCodes.Status422UnprocessableEntity, ErrorCodes.TelemetrySeriesLimit,
                    $"The device has {set.SeriesCount} series (name and label set) and the batch adds {missing.Count}: at most {limits.MaxSeriesPerDevice} are kept per device; keep label values few (no ids or timestamps in labels). Nothing of the batch was stored."));
            }
        }

        return ([.. missing.Values], null);
    }

    private static long[] Ids(DeviceSeriesSet set, IReadOnlyList<ParsedPoint> points)
    {
        var ids = new long[points.Count];
        lock (set.Gate)
        {
            for (var i = 0; i < points.Count; i++)
            {
                set.TryGet(points[i].Name, points[i].Labels, out ids[i]);
            }
        }

        return ids;
    }

    private async Task<DeviceSeriesSet> SetOfAsync(Guid deviceId, CancellationToken cancellationToken)
    {
        if (_devices.TryGetValue(deviceId, out DeviceSeriesSet? cached) && cached is not null)
        {
            return cached;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        var rows = await db.TelemetrySeries.IgnoreQueryFilters([TenantFilter.Name]).AsNoTracking()
            .Where(s => s.DeviceId == deviceId).Select(s => new { s.Id, s.Name, s.Labels }).ToListAsync(cancellationToken);
        var set = new DeviceSeriesSet();
        foreach (var row in rows)
        {
            set.Add(row.Name, row.Labels, row.Id);
        }

        _devices.Set(deviceId, set, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        return set;
    }

    private async Task<bool> TryCreateAsync(Guid organizationId, Guid deviceId, DeviceSeriesSet set, List<ParsedPoint> missing, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var created = missing.Select(p => new TelemetrySeries
        {
            OrganizationId = organizationId,
            DeviceId = deviceId,
            Name = p.Name,
            Labels = p.Labels,
            Unit = p.Unit,
            CreatedAt = now,
        }).ToList();
        db.TelemetrySeries.AddRange(created);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            return false;
        }

        lock (set.Gate)
        {
            foreach (var series in created)
            {
                set.Add(series.Name, series.Labels, series.Id);
            }
        }

        return true;
    }

    public void Dispose() => _devices.Dispose();
}
