using Hangar.Contracts.Common;
using Hangar.Contracts.Releases;
using Hangar.Core.Access;
using Hangar.Core.Events;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Releases;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Events;
using Hangar.Server.Features.Idempotency;
using Hangar.Server.Hosting;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Database;
using Hangar.Server.Hosting.Lists;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.References;
using Hangar.Server.Hosting.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Releases;

internal static class BundleOverrideEndpoints
{
    private static readonly SearchFields<BundleOverride> Search = new SearchFields<BundleOverride>()
        .String("name", o => o.Name)
        .String("description", o => o.Description)
        .Uuid("bundle_id", o => o.BundleId)
        .DateTime("starts_at", o => o.StartsAt)
        .DateTime("ends_at", o => o.EndsAt)
        .DateTime("created_at", o => o.CreatedAt)
        .DateTime("updated_at", o => o.UpdatedAt);

    public static void MapBundleOverrides(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/bundle_overrides").WithTags("Bundle overrides");
        group.MapGet("", ListAsync).Requires(Permission.BundleOverrideRead)
            .WithSummary("List bundle overrides").WithDescription("Search fields: name, description, bundle_id, starts_at, ends_at, created_at, updated_at.");
        group.MapGet("/{id}", GetAsync).Requires(Permission.BundleOverrideRead).WithSummary("Get a bundle override");
        group.MapPost("", CreateAsync).Requires(Permission.BundleOverrideManage).Audited("bundle_override.create").Idempotent()
            .WithSummary("Create a bundle override")
            .WithDescription("While active (starts_at ≤ now < ends_at, or no end) its devices get its bundle ahead of their cohort's releases; the override that started last wins.");
        group.MapPatch("/{id}", UpdateAsync).Requires(Permission.BundleOverrideManage).Audited("bundle_override.update")
            .WithSummary("Change a bundle override")
            .WithDescription("Every field can change, the bundle included. A new bundle must have binaries for the targets of the override's devices (422 bundle_target_mismatch; see allow_missing_targets).");
        group.MapDelete("/{id}", DeleteAsync).Requires(Permission.BundleOverrideManage).Audited("bundle_override.delete")
            .WithSummary("Delete a bundle override").WithDescription("Its devices go back to their cohort's releases.");
        group.MapBundleOverrideDevices();
    }

    private static async Task<Results<Ok<ListResponse<BundleOverrideResponse>>, ProblemHttpResult>> ListAsync(
        [AsParameters] ListRequest request, HangarDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!ListQueries.TryPrepare(request, Search, out var spec, out var problem))
        {
            return problem!;
        }

        var page = await db.BundleOverrides.AsNoTracking().ToPageAsync(spec, Search, o => o.Id, o => o, cancellationToken);
        var responses = await BundleOverrideViews.ToResponsesAsync(db, page.Data, time.GetUtcNow().UtcDateTime, cancellationToken);
        return TypedResults.Ok(new ListResponse<BundleOverrideResponse>(responses, page.NextPage));
    }

    private static async Task<Results<Ok<BundleOverrideResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, HangarDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var found = await FindAsync(id, http, db, cancellationToken);
        return found is null
            ? Problems.NotFound("Bundle override")
            : TypedResults.Ok(await BundleOverrideViews.ToResponseAsync(db, found, time.GetUtcNow().UtcDateTime, cancellationToken));
    }

    private static async Task<Results<Created<BundleOverrideResponse>, ProblemHttpResult>> CreateAsync(
        CreateBundleOverrideRequest request, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        var validator = new RequestValidator()
            .Text("name", request.Name, max: 128)
            .Text("description", request.Description, max: 256, min: 0, required: false);
        Window(validator, request.StartsAt, request.EndsAt);
        var bundle = await ReleaseReferences.BundleAsync(db, request.Bundle, caller.OrganizationId, cancellationToken);
        if (bundle is null)
        {
            validator.Add("bundle", "must name a bundle of this organization (id, resource name or name).");
        }

        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        if (!await ReleaseReferences.IsDeliverableAsync(db, bundle!.Id, cancellationToken))
        {
            return ReleaseReferences.NotDeliverable(bundle.Id);
        }

        var name = request.Name.Trim();
        if (await db.BundleOverrides.AnyAsync(o => o.Name == name, cancellationToken))
        {
            return NameTaken(name);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var created = new BundleOverride
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = caller.OrganizationId,
            Name = name,
            Description = Optional(request.Description),
            BundleId = bundle.Id,
            StartsAt = MicrosecondTimeProvider.Truncate(request.StartsAt),
            EndsAt = request.EndsAt is { } end ? MicrosecondTimeProvider.Truncate(end) : null,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.BundleOverrides.Add(created);
        audit.Resource(ResourceTypes.BundleOverride, created.Id);
        events.Record(EventTypes.BundleOverrideCreated, ResourceTypes.BundleOverride, created.Id, BundleOverrideEventData.Of(created));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return NameTaken(name);
        }

        return TypedResults.Created($"/api/v1/bundle_overrides/{created.Id}", await BundleOverrideViews.ToResponseAsync(db, created, now, cancellationToken));
    }

    private static async Task<Results<Ok<BundleOverrideResponse>, ProblemHttpResult>> UpdateAsync(
        string id, UpdateBundleOverrideRequest request, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        var found = await FindAsync(id, http, db, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound("Bundle override");
        }

        var validator = new RequestValidator()
            .Text("name", request.Name, max: 128, required: false)
            .Text("description", request.Description, max: 256, min: 0, required: false);
        if (request.EndsAt is not null && request.ClearEndsAt == true)
        {
            validator.Add("clear_ends_at", "cannot be combined with ends_at.");
        }

        var startsAt = request.StartsAt ?? found.StartsAt;
        var endsAt = request.ClearEndsAt == true ? null : request.EndsAt ?? found.EndsAt;
        Window(validator, startsAt, endsAt);
        var bundleId = found.BundleId;
        if (request.Bundle is not null)
        {
            var bundle = await ReleaseReferences.BundleAsync(db, request.Bundle, caller.OrganizationId, cancellationToken);
            if (bundle is null)
            {
                validator.Add("bundle", "must name a bundle of this organization (id, resource name or name).");
            }

            bundleId = bundle?.Id ?? bundleId;
        }

        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        if (bundleId != found.BundleId && !await ReleaseReferences.IsDeliverableAsync(db, bundleId, cancellationToken))
        {
            return ReleaseReferences.NotDeliverable(bundleId);
        }

        var overrideDevices = db.Devices.Where(d => db.BundleOverrideDevices.Any(m => m.BundleOverrideId == found.Id && m.DeviceId == d.Id));
        if (bundleId != found.BundleId
            && await BundleTargetCheck.RefusalAsync(db, bundleId, overrideDevices, request.AllowMissingTargets, "the override's devices", cancellationToken) is { } mismatch)
        {
            return mismatch;
        }

        var name = request.Name?.Trim() ?? found.Name;
        if (name != found.Name && await db.BundleOverrides.AnyAsync(o => o.Name == name, cancellationToken))
        {
            return NameTaken(name);
        }

        var now = time.GetUtcNow().UtcDateTime;
        found.Name = name;
        found.Description = request.Description is null ? found.Description : Optional(request.Description);
        found.BundleId = bundleId;
        found.StartsAt = MicrosecondTimeProvider.Truncate(startsAt);
        found.EndsAt = endsAt is { } end ? MicrosecondTimeProvider.Truncate(end) : null;
        found.UpdatedAt = now;
        audit.Resource(ResourceTypes.BundleOverride, found.Id);
        events.Record(EventTypes.BundleOverrideUpdated, ResourceTypes.BundleOverride, found.Id, BundleOverrideEventData.Of(found));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return NameTaken(name);
        }

        return TypedResults.Ok(await BundleOverrideViews.ToResponseAsync(db, found, now, cancellationToken));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events, CancellationToken cancellationToken)
    {
        var found = await FindAsync(id, http, db, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound("Bundle override");
        }

        // Its device list, device updates and their reports go by cascade.
        db.BundleOverrides.Remove(found);
        audit.Resource(ResourceTypes.BundleOverride, found.Id);
        events.Record(EventTypes.BundleOverrideDeleted, ResourceTypes.BundleOverride, found.Id, BundleOverrideEventData.Of(found));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    internal static async Task<BundleOverride?> FindAsync(string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        return await db.BundleOverrides.FindByReferenceAsync(db, ReferenceRules.BundleOverride, id, http.RequireCaller().OrganizationId, cancellationToken);
    }

    private static void Window(RequestValidator validator, DateTime startsAt, DateTime? endsAt)
    {
        if (startsAt.Kind != DateTimeKind.Utc)
        {
            validator.Add("starts_at", "must be a UTC time (e.g. '2030-01-01T00:00:00Z').");
        }

        if (endsAt is { } end && end.Kind != DateTimeKind.Utc)
        {
            validator.Add("ends_at", "must be a UTC time (e.g. '2030-01-01T00:00:00Z').");
        }
        else if (endsAt <= startsAt)
        {
            validator.Add("ends_at", "must be after starts_at (or absent for an open-ended override).");
        }
    }

    private static ProblemHttpResult NameTaken(string name) =>
        Problems.Conflict(ErrorCodes.AlreadyExists, $"The organization already has a bundle override named '{name}'.");

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
