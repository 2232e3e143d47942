using Hangar.Contracts.Common;
using Hangar.Contracts.Devices;
using Hangar.Core.Access;
using Hangar.Core.Events;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Devices;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Events;
using Hangar.Server.Features.Idempotency;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Database;
using Hangar.Server.Hosting.Lists;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.References;
using Hangar.Server.Hosting.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Devices;

internal static class DeviceEndpoints
{
    public const string SearchFieldList =
        "identifier, description, product_id, cohort_id, tags, target, quarantined, last_connected_at, reported_release_id, reported_bundle_id, reported_release_version, created_at, updated_at, online, connected_at, last_seen_at, healthy";

    public static readonly SearchFields<Device> Search = new SearchFields<Device>()
        .String("identifier", d => d.Identifier)
        .String("description", d => d.Description)
        .Uuid("product_id", d => d.ProductId)
        .Uuid("cohort_id", d => d.CohortId)
        .AnyString("tags", d => d.Tags.Select(t => t.Value))
        .String("target", d => d.Target)
        .Boolean("quarantined", d => d.Quarantined)
        .DateTime("last_connected_at", d => d.LastConnectedAt)
        .Uuid("reported_release_id", d => d.ReportedReleaseId)
        .Uuid("reported_bundle_id", d => d.ReportedBundleId)
        .String("reported_release_version", d => d.ReportedReleaseVersion)
        .DateTime("created_at", d => d.CreatedAt)
        .DateTime("updated_at", d => d.UpdatedAt)
        .Boolean("online", d => d.Online)
        .DateTime("connected_at", d => d.ConnectedAt)
        .DateTime("last_seen_at", d => d.LastSeenAt)
        .Boolean("healthy", d => d.Healthy);

    public static void MapDevices(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/devices").WithTags("Devices");
        group.MapGet("", ListAsync).Requires(Permission.DeviceRead)
            .WithSummary("List devices").WithDescription($"Search fields: {SearchFieldList}. `tags:'x'` matches devices carrying tag x; `healthy:false` devices failing a health rule of their product.");
        group.MapGet("/{id}", GetAsync).Requires(Permission.DeviceRead).WithSummary("Get a device");
        group.MapPost("", CreateAsync).Requires(Permission.DeviceManage).Audited("device.create").Idempotent()
            .WithSummary("Create a device");
        group.MapPatch("/{id}", UpdateAsync).Requires(Permission.DeviceManage).Audited("device.update")
            .WithSummary("Change a device").WithDescription("Absent fields stay; an empty string clears cohort_id, description or target; tags replaces all tags.");
        group.MapDelete("/{id}", DeleteAsync).Requires(Permission.DeviceManage).Audited("device.delete")
            .WithSummary("Delete a device").WithDescription("Its certificates go with it and stop authenticating at once.");
        group.MapPost("/bulk", DeviceBulkActions.RunAsync).Requires(Permission.DeviceManage).Audited("device.bulk_update")
            .WithSummary("Act on many devices")
            .WithDescription("move_cohort, add_tags, remove_tags, quarantine or unquarantine, on up to 1,000 devices chosen by device_ids or search; all or nothing.");
    }

    private static Task<Results<Ok<ListResponse<DeviceResponse>>, ProblemHttpResult>> ListAsync(
        [AsParameters] ListRequest request, HangarDbContext db, CancellationToken cancellationToken) =>
        db.Devices.AsNoTracking().Include(d => d.Tags).Include(d => d.HealthFailures).ThenInclude(f => f.Rule).AsSplitQuery().ListAsync(request, Search, d => d.Id, d => d.ToResponse(), cancellationToken);

    private static async Task<Results<Ok<DeviceResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var device = await FindAsync(id, http, db, cancellationToken);
        return device is null ? Problems.NotFound("Device") : TypedResults.Ok(device.ToResponse());
    }

    private static async Task<Results<Created<DeviceResponse>, ProblemHttpResult>> CreateAsync(
        CreateDeviceRequest request, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        var validator = new RequestValidator().DeviceFields(request.Description, request.Tags, request.Target);
        if (DeviceRules.IdentifierRefusal(request.Identifier) is { } identifierError)
        {
            validator.Add("identifier", identifierError);
        }

        var product = await FleetReferences.ProductAsync(db, request.ProductId, caller.OrganizationId, cancellationToken);
        Cohort? cohort = null;
        if (product is null)
        {
            validator.Add("product_id", "must name a product of this organization.");
        }
        else if (!string.IsNullOrWhiteSpace(request.CohortId))
        {
            cohort = await FleetReferences.CohortAsync(db, request.CohortId, product.Id, caller.OrganizationId, cancellationToken);
            if (cohort is null)
            {
                validator.Add("cohort_id", "must name a cohort of the device's product.");
            }
        }

        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        if (product!.Archived)
        {
            return Problems.Conflict(ErrorCodes.ProductArchived, $"Product '{product.Name}' is archived and takes no new devices.");
        }

        if (await db.Devices.AnyAsync(d => d.Identifier == request.Identifier, cancellationToken))
        {
            return IdentifierTaken(request.Identifier);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var device = NewDevice(caller.OrganizationId, request.Identifier, product.Id, cohort?.Id, request.Description, request.Tags, request.Target, request.Quarantined, now);
        db.Devices.Add(device);
        audit.Resource(ResourceTypes.Device, device.Id);
        events.Record(EventTypes.DeviceCreated, ResourceTypes.Device, device.Id, DeviceEventData.Of(device));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return IdentifierTaken(request.Identifier);
        }

        return TypedResults.Created($"/api/v1/devices/{device.Id}", device.ToResponse());
    }

    public static Device NewDevice(
        Guid organizationId, string identifier, Guid productId, Guid? cohortId, string? description, IEnumerable<string>? tags, string? target, bool quarantined, DateTime now)
    {
        var id = Guid.CreateVersion7(now);
        return new Device
        {
            Id = id,
            OrganizationId = organizationId,
            Identifier = identifier,
            ProductId = productId,
            CohortId = cohortId,
            Description = FleetText.Optional(description),
            Target = FleetText.Optional(target),
            Quarantined = quarantined,
            Tags = DeviceRules.NormalizeTags(tags).Select(t => new DeviceTag { DeviceId = id, OrganizationId = organizationId, Value = t }).ToList(),
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    private static async Task<Results<Ok<DeviceResponse>, ProblemHttpResult>> UpdateAsync(
        string id, UpdateDeviceRequest request, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events, IDeviceDepartures departures,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        var validator = new RequestValidator().DeviceFields(request.Description, request.Tags, request.Target);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var device = await FindAsync(id, http, db, cancellationToken);
        if (device is null)
        {
            return Problems.NotFound("Device");
        }

        audit.Resource(ResourceTypes.Device, device.Id);
        var productId = device.ProductId;
        if (request.ProductId is not null)
        {
            var product = await FleetReferences.ProductAsync(db, request.ProductId, caller.OrganizationId, cancellationToken);
            if (product is null)
            {
                return Problems.Validation("product_id", "must name a product of this organization.");
            }

            if (product.Archived && product.Id != device.ProductId)
            {
                return Problems.Conflict(ErrorCodes.ProductArchived, $"Product '{product.Name}' is archived and takes no new devices.");
            }

            productId = product.Id;
        }

        var cohortId = device.CohortId;
        if (request.CohortId is not null)
        {
            cohortId = (await FleetReferences.CohortAsync(db, request.CohortId, productId, caller.OrganizationId, cancellationToken))?.Id;
            if (cohortId is null && request.CohortId.Trim().Length > 0)
            {
                return Problems.Validation("cohort_id", "must name a cohort of the device's product, or be empty to leave the cohort.");
            }
        }
        else if (productId != device.ProductId && cohortId is not null)
        {
            return Problems.Validation("cohort_id", "the device's cohort belongs to its old product; give a cohort of the new product or an empty cohort_id.");
        }

        // A device leaving its cohort gives back its places in the cohort's phased releases, with the move.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (cohortId != device.CohortId)
        {
            await departures.LeaveCohortAsync(db, [device.Id], cohortId, time.GetUtcNow(), cancellationToken);
        }

        device.ProductId = productId;
        device.CohortId = cohortId;
        device.Description = request.Description is null ? device.Description : FleetText.Optional(request.Description);
        device.Target = request.Target is null ? device.Target : FleetText.Optional(request.Target);
        device.Quarantined = request.Quarantined ?? device.Quarantined;
        if (request.Tags is not null)
        {
            ReplaceTags(device, DeviceRules.NormalizeTags(request.Tags));
        }

        // An update that changes nothing is no event (the audit row still records the call).
        if (db.ChangeTracker.HasChanges())
        {
            events.Record(EventTypes.DeviceUpdated, ResourceTypes.Device, device.Id, DeviceEventData.Of(device));
        }

        device.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(device.ToResponse());
    }

    /// <summary>A diff rather than clear-and-add: removing and re-adding the same (device, tag) key in one save is a tracking conflict.</summary>
    public static void ReplaceTags(Device device, IReadOnlyCollection<string> tags)
    {
        device.Tags.RemoveAll(t => !tags.Contains(t.Value));
        foreach (var tag in tags.Where(t => device.Tags.All(existing => existing.Value != t)))
        {
            device.Tags.Add(new DeviceTag { DeviceId = device.Id, OrganizationId = device.OrganizationId, Value = tag });
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events, IRevokedCertificateCaches cache, IDeviceDepartures departures,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var device = await FindAsync(id, http, db, cancellationToken);
        if (device is null)
        {
            return Problems.NotFound("Device");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await departures.ReleaseAsync(db, device.Id, time.GetUtcNow(), cancellationToken);
        audit.Resource(ResourceTypes.Device, device.Id);
        var certificates = await db.DeviceCertificates.Where(c => c.DeviceId == device.Id).ToListAsync(cancellationToken);
        db.DeviceCertificates.RemoveRange(certificates);
        db.Devices.Remove(device);
        events.Record(EventTypes.DeviceDeleted, ResourceTypes.Device, device.Id, DeviceEventData.Of(device));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await cache.EvictAsync(certificates.Select(c => c.Fingerprint), cancellationToken);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult IdentifierTaken(string identifier) =>
        Problems.Conflict(ErrorCodes.AlreadyExists, $"A device with identifier '{identifier}' already exists.");

    private static async Task<Device?> FindAsync(string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        return await db.Devices.Include(d => d.Tags).Include(d => d.HealthFailures).ThenInclude(f => f.Rule).AsSplitQuery().FindByReferenceAsync(db, ReferenceRules.Device, id, http.RequireCaller().OrganizationId, cancellationToken);
    }
}
