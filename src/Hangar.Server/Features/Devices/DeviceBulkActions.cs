using Hangar.Contracts.Common;
using Hangar.Contracts.Devices;
using Hangar.Core.Events;
using Hangar.Core.Resources;
using Hangar.Core.Search;
using Hangar.Data;
using Hangar.Data.Devices;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Events;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.References;
using Hangar.Server.Hosting.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Devices;

/// <summary>
/// One action on many devices in one transaction. The selection is bounded (1,000) so a broad search cannot turn
/// into an unbounded write; a search matching more is refused rather than silently truncated.
/// </summary>
internal static class DeviceBulkActions
{
    public const int MaxDevices = 1000;
    private static readonly string[] Actions = ["move_cohort", "add_tags", "remove_tags", "quarantine", "unquarantine"];

    public static async Task<Results<Ok<BulkDeviceActionResponse>, ProblemHttpResult>> RunAsync(
        BulkDeviceActionRequest request, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events, IDeviceDepartures departures, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        var validator = Validate(request, out var search);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        IQueryable<Device> selection = db.Devices.Include(d => d.Tags).AsSplitQuery();
        int? expected = null;
        if (request.DeviceIds is not null)
        {
            var ids = await DeviceReferences.IdsAsync(db, request.DeviceIds, caller.OrganizationId, cancellationToken);
            if (ids.Any(id => id is null))
            {
                return Problems.NotFound("One or more of the devices");
            }

            var wanted = ids.Select(id => id!.Value).Distinct().ToList();
            expected = wanted.Count;
            selection = selection.Where(d => wanted.Contains(d.Id));
        }
        else
        {
            selection = DeviceEndpoints.Search.Apply(selection, search!);
        }

        var devices = await selection.OrderBy(d => d.Id).Take(MaxDevices + 1).ToListAsync(cancellationToken);
        if (devices.Count > MaxDevices)
        {
            return Problems.BadRequest(ErrorCodes.TooManyMatches, $"The search matches more than {MaxDevices} devices; narrow it down.");
        }

        if (expected is not null && devices.Count != expected)
        {
            return Problems.NotFound("One or more of the devices");
        }

        audit.Resources(ResourceTypes.Device);
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var outcome = await ApplyAsync(request, devices, caller.OrganizationId, db, now, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            return Problems.Validation(refusal.Field, refusal.Message);
        }

        if (request.Action == "move_cohort" && devices.FirstOrDefault(d => outcome.Changed.Contains(d.Id)) is { } moved)
        {
            // Devices leaving their cohorts give back their places in its phased releases, with the move.
            await departures.LeaveCohortAsync(db, outcome.Changed, moved.CohortId, time.GetUtcNow(), cancellationToken);
        }

        // One event per device that changed, all riding on the one save below (inserts are batched, not a round trip each).
        foreach (var device in devices.Where(d => outcome.Changed.Contains(d.Id)))
        {
            events.Record(EventTypes.DeviceUpdated, ResourceTypes.Device, device.Id, DeviceEventData.Of(device, DeviceEventData.FromBulkAction));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new BulkDeviceActionResponse(devices.Count, outcome.Changed.Count));
    }

    private static RequestValidator Validate(BulkDeviceActionRequest request, out SearchQuery? search)
    {
        search = null;
        var validator = new RequestValidator();
        if (!Actions.Contains(request.Action))
        {
            validator.Add("action", $"must be one of: {string.Join(", ", Actions)}.");
        }

        if ((request.DeviceIds is null) == (request.Search is null))
        {
            validator.Add("device_ids", "give exactly one of device_ids or search.");
        }
        else if (request.DeviceIds is { Count: 0 or > MaxDevices })
        {
            validator.Add("device_ids", $"must list 1 to {MaxDevices} devices.");
        }
        else if (request.Search is not null)
        {
            var parsed = SearchQuery.Parse(request.Search);
            var validated = parsed.Succeeded ? DeviceEndpoints.Search.Schema.Validate(parsed.Query) : null;
            if (validated is not { Succeeded: true })
            {
                validator.Add("search", $"invalid search: {parsed.Error ?? string.Join("; ", validated!.Errors)}.");
            }
            else
            {
                search = validated.Query;
            }
        }

        if (request.Action is "add_tags" or "remove_tags")
        {
            if (request.Tags is null or { Count: 0 })
            {
                validator.Add("tags", "is required for add_tags and remove_tags.");
            }
            else if (DeviceRules.TagsRefusal(request.Tags) is { } tagError)
            {
                validator.Add("tags", tagError);
            }
        }

        if (request.Action == "move_cohort" && request.CohortId is null)
        {
            validator.Add("cohort_id", "is required for move_cohort (empty to take devices out of their cohort).");
        }

        return validator;
    }

    /// <summary>Changes the tracked devices; a refusal names the request field that cannot apply to the selection.</summary>
    private static async Task<(HashSet<Guid> Changed, BulkActionRefusal? Refusal)> ApplyAsync(
        BulkDeviceActionRequest request, List<Device> devices, Guid organizationId, HangarDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var changed = new HashSet<Guid>();
        switch (request.Action)
        {
            case "move_cohort":
                Guid? cohortId = null;
                if (request.CohortId!.Trim().Length > 0)
                {
                    // A cohort name is unique within a product: look it up among the selected devices' products.
                    var productIds = devices.Select(d => d.ProductId).Distinct().ToList();
                    var cohort = await db.Cohorts.FindByReferenceAsync(
                        db, ReferenceRules.Cohort, request.CohortId, organizationId, cancellationToken, c => productIds.Contains(c.ProductId));
                    if (cohort is null)
                    {
                        return ([], new BulkActionRefusal("cohort_id", "must name a cohort of this organization (id, resource name or name)."));
                    }

                    var foreign = devices.Count(d => d.ProductId != cohort.ProductId);
                    if (foreign > 0)
                    {
                        return ([], new BulkActionRefusal("cohort_id", $"{foreign} selected device(s) belong to another product than the cohort."));
                    }

                    cohortId = cohort.Id;
                }

                foreach (var device in devices.Where(d => d.CohortId != cohortId))
                {
                    device.CohortId = cohortId;
                    changed.Add(device.Id);
                }

                break;
            case "add_tags":
                foreach (var device in devices)
                {
                    var merged = DeviceRules.NormalizeTags(device.Tags.Select(t => t.Value).Concat(request.Tags!));
                    if (merged.Count > DeviceRules.MaxTags)
                    {
                        return ([], new BulkActionRefusal("tags", $"device '{device.Identifier}' would have more than {DeviceRules.MaxTags} tags."));
                    }

                    if (merged.Count != device.Tags.Count)
                    {
                        DeviceEndpoints.ReplaceTags(device, merged);
                        changed.Add(device.Id);
                    }
                }

                break;
            case "remove_tags":
                foreach (var device in devices.Where(d => d.Tags.Any(t => request.Tags!.Contains(t.Value))))
                {
                    device.Tags.RemoveAll(t => request.Tags!.Contains(t.Value));
                    changed.Add(device.Id);
                }

                break;
            default:
                var quarantine = request.Action == "quarantine";
                foreach (var device in devices.Where(d => d.Quarantined != quarantine))
                {
                    device.Quarantined = quarantine;
                    changed.Add(device.Id);
                }

                break;
        }

        foreach (var device in devices.Where(d => changed.Contains(d.Id)))
        {
            device.UpdatedAt = now;
        }

        return (changed, null);
    }
}
