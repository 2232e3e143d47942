using Hangar.Contracts.Common;
using Hangar.Contracts.Firmware;
using Hangar.Core.Access;
using Hangar.Core.Events;
using Hangar.Core.Firmware;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Firmware;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Events;
using Hangar.Server.Features.Idempotency;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Lists;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.References;
using Hangar.Server.Hosting.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Firmware;

internal static class BundleEndpoints
{
    public const int MaxEntries = 100;

    private static readonly SearchFields<Bundle> Search = new SearchFields<Bundle>()
        .String("name", b => b.Name)
        .String("hash", b => b.Hash, Core.Search.SearchOperator.Equals)
        .DateTime("created_at", b => b.CreatedAt)
        .DateTime("updated_at", b => b.UpdatedAt);

    public static void MapBundles(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/bundles").WithTags("Bundles");
        group.MapGet("", ListAsync).Requires(Permission.FirmwareRead)
            .WithSummary("List bundles").WithDescription("Search fields: name, hash, created_at, updated_at.");
        group.MapGet("/{id}", GetAsync).Requires(Permission.FirmwareRead).WithSummary("Get a bundle");
        group.MapPost("", CreateAsync).Requires(Permission.FirmwareManage).Audited("bundle.create").Idempotent()
            .WithSummary("Create a bundle")
            .WithDescription("An immutable ordered set of 1–100 signed binaries (409 binary_not_signed otherwise; a binary may appear once). Each entry's metadata is merged over artifact, version and binary metadata, key by key.");
        group.MapPatch("/{id}", UpdateAsync).Requires(Permission.FirmwareManage).Audited("bundle.update")
            .WithSummary("Rename a bundle").WithDescription("The name is the only thing about a bundle that can change.");
        group.MapDelete("/{id}", DeleteAsync).Requires(Permission.FirmwareManage).Audited("bundle.delete")
            .WithSummary("Delete a bundle").WithDescription("Its binaries stay. A bundle that releases, bundle overrides or device updates refer to cannot be deleted (409 in_use).");
    }

    private static async Task<Results<Ok<ListResponse<BundleResponse>>, ProblemHttpResult>> ListAsync(
        [AsParameters] ListRequest request, HangarDbContext db, CancellationToken cancellationToken)
    {
        if (!ListQueries.TryPrepare(request, Search, out var spec, out var problem))
        {
            return problem!;
        }

        var page = await db.Bundles.AsNoTracking().ToPageAsync(spec, Search, b => b.Id, b => b, cancellationToken);
        var responses = await BundleViews.ToResponsesAsync(db, page.Data, cancellationToken);
        return TypedResults.Ok(new ListResponse<BundleResponse>(responses, page.NextPage));
    }

    private static async Task<Results<Ok<BundleResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var bundle = await FindAsync(id, http, db, cancellationToken);
        return bundle is null ? Problems.NotFound("Bundle") : TypedResults.Ok((await BundleViews.ToResponsesAsync(db, [bundle], cancellationToken))[0]);
    }

    private static async Task<Results<Created<BundleResponse>, ProblemHttpResult>> CreateAsync(
        CreateBundleRequest request, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        var validator = new RequestValidator().Text("name", request.Name, max: 128, required: false);
        var entries = request.Binaries ?? [];
        if (entries.Count is 0 or > MaxEntries)
        {
            validator.Add("binaries", $"must list 1 to {MaxEntries} binaries.");
        }

        var binaryIds = new List<Guid>();
        var overrides = new List<string?>();
        for (var i = 0; i < Math.Min(entries.Count, MaxEntries); i++)
        {
            var field = $"binaries[{i}]";
            validator.Metadata($"{field}.custom_metadata", entries[i]?.CustomMetadata, out var metadata);
            overrides.Add(metadata);
            var binaryId = entries[i]?.Binary is { } reference ? ResourceReference.Resolve(reference, ResourceTypes.Binary, caller.OrganizationId) : null;
            if (binaryId is null)
            {
                validator.Add($"{field}.binary", "must be a binary id or resource name.");
            }
            else if (binaryIds.Contains(binaryId.Value))
            {
                validator.Add($"{field}.binary", $"repeats binaries[{binaryIds.IndexOf(binaryId.Value)}]; a binary may appear in a bundle once.");
            }

            binaryIds.Add(binaryId ?? Guid.Empty);
        }

        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var found = await (
            from b in db.Binaries
            join v in db.ArtifactVersions on b.ArtifactVersionId equals v.Id
            join a in db.Artifacts on v.ArtifactId equals a.Id
            where binaryIds.Contains(b.Id)
            select new { Binary = b, ArtifactId = a.Id, ArtifactMetadata = a.CustomMetadata, VersionMetadata = v.CustomMetadata })
            .AsNoTracking().ToDictionaryAsync(x => x.Binary.Id, cancellationToken);
        for (var i = 0; i < binaryIds.Count; i++)
        {
            if (!found.ContainsKey(binaryIds[i]))
            {
                validator.Add($"binaries[{i}].binary", "must name a binary of this organization.");
            }
        }

        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var unsigned = binaryIds.Select((id, i) => (found[id].Binary, i)).Where(x => x.Binary.State != BinaryState.Signed).ToList();
        if (unsigned.Count > 0)
        {
            return Problems.Conflict(ErrorCodes.BinaryNotSigned,
                "Only signed binaries can be bundled: " + string.Join("; ", unsigned.Select(x => $"binaries[{x.i}] ({x.Binary.Id}) is {x.Binary.State.ToWire()}")) + ".");
        }

        var manifest = binaryIds.Select((id, i) =>
        {
            var row = found[id];
            var metadata = BundleManifest.Merge(row.ArtifactMetadata, row.VersionMetadata, row.Binary.CustomMetadata, overrides[i]);
            return new BundleManifest.Entry(id, row.ArtifactId, row.Binary.ArtifactVersionId, row.Binary.Target, row.Binary.Size, row.Binary.Sha256, metadata);
        }).ToList();

        var now = time.GetUtcNow().UtcDateTime;
        var bundle = new Bundle
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = caller.OrganizationId,
            Name = request.Name?.Trim(),
            Hash = BundleManifest.Hash(manifest),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Bundles.Add(bundle);
        db.BundleEntries.AddRange(manifest.Select((entry, position) => new BundleEntry
        {
            BundleId = bundle.Id,
            Position = position,
            OrganizationId = caller.OrganizationId,
            BinaryId = entry.BinaryId,
            CustomMetadata = CanonicalJson.Write(entry.CustomMetadata),
        }));
        audit.Resource(ResourceTypes.Bundle, bundle.Id);
        events.Record(EventTypes.BundleCreated, ResourceTypes.Bundle, bundle.Id, new BundleCreatedEventData(bundle.Name, bundle.Hash, manifest.Select(e => e.BinaryId).ToList()));
        await db.SaveChangesAsync(cancellationToken);
        var response = (await BundleViews.ToResponsesAsync(db, [bundle], cancellationToken))[0];
        return TypedResults.Created($"/api/v1/bundles/{bundle.Id}", response);
    }

    private static async Task<Results<Ok<BundleResponse>, ProblemHttpResult>> UpdateAsync(
        string id, UpdateBundleRequest request, HttpContext http, HangarDbContext db, AuditScope audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var bundle = await FindAsync(id, http, db, cancellationToken);
        if (bundle is null)
        {
            return Problems.NotFound("Bundle");
        }

        var validator = new RequestValidator().Text("name", request.Name, max: 128);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        bundle.Name = request.Name.Trim();
        bundle.UpdatedAt = time.GetUtcNow().UtcDateTime;
        audit.Resource(ResourceTypes.Bundle, bundle.Id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok((await BundleViews.ToResponsesAsync(db, [bundle], cancellationToken))[0]);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, HttpContext http, HangarDbContext db, AuditScope audit, CancellationToken cancellationToken)
    {
        var bundle = await FindAsync(id, http, db, cancellationToken);
        if (bundle is null)
        {
            return Problems.NotFound("Bundle");
        }

        audit.Resource(ResourceTypes.Bundle, bundle.Id);
        if (await db.Releases.AnyAsync(r => r.BundleId == bundle.Id, cancellationToken)
            || await db.BundleOverrides.AnyAsync(o => o.BundleId == bundle.Id, cancellationToken)
            || await db.DeviceUpdates.AnyAsync(u => u.BundleId == bundle.Id, cancellationToken))
        {
            return Problems.Conflict(ErrorCodes.InUse, "A release, a bundle override or a device's update history refers to the bundle.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.BundleEntries.Where(e => e.BundleId == bundle.Id).ExecuteDeleteAsync(cancellationToken);
        db.Bundles.Remove(bundle);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    internal static Task<Bundle?> FindAsync(string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        return db.Bundles.FindByReferenceAsync(db, ReferenceRules.Bundle, id, http.RequireCaller().OrganizationId, cancellationToken);
    }
}
