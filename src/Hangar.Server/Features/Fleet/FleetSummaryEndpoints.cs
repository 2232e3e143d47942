using System.Globalization;
using Hangar.Contracts.Fleet;
using Hangar.Core.Access;
using Hangar.Data;
using Hangar.Server.Features.Devices;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.References;
using Hangar.Server.Hosting.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hangar.Server.Features.Fleet;

/// <summary><c>GET /fleet/summary</c>: the caller's organization's fleet (the tenant filter bounds every query), optionally one product or cohort.</summary>
internal static class FleetSummaryEndpoints
{
    public static void MapFleetSummary(this RouteGroupBuilder api)
    {
        api.MapGet("/fleet/summary", SummaryAsync).WithTags("Fleet").Requires(Permission.DeviceRead)
            .WithSummary("Summarize the fleet")
            .WithDescription("Devices total, online, offline for more than 24 hours, never connected and quarantined; per cohort the releases and "
                + "versions its devices report; per release its updates by outcome with success and failure rates; and each release's adoption per "
                + $"UTC day over the last `days` days (default {FleetAdoption.DefaultDays}, at most {FleetAdoption.MaxDays}). `product` and `cohort` "
                + "(an id, resource name or name) narrow it.");
    }

    private static async Task<Results<Ok<FleetSummaryResponse>, ProblemHttpResult>> SummaryAsync(
        string? product, string? cohort, string? days, HttpContext http, HangarDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        var validator = new RequestValidator();
        var window = FleetAdoption.DefaultDays;
        if (days is not null && (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out window) || window is < 1 or > FleetAdoption.MaxDays))
        {
            validator.Add("days", $"must be a whole number from 1 to {FleetAdoption.MaxDays}.");
        }

        Guid? productId = null;
        if (product is not null)
        {
            productId = (await FleetReferences.ProductAsync(db, product, caller.OrganizationId, cancellationToken))?.Id;
            if (productId is null)
            {
                validator.Add("product", "must name a product of this organization.");
            }
        }

        Guid? cohortId = null;
        if (cohort is not null)
        {
            var found = productId is { } scoped
                ? await FleetReferences.CohortAsync(db, cohort, scoped, caller.OrganizationId, cancellationToken)
                : await db.Cohorts.FindByReferenceAsync(db, ReferenceRules.Cohort, cohort, caller.OrganizationId, cancellationToken);
            cohortId = found?.Id;
            productId ??= found?.ProductId;
            if (found is null)
            {
                validator.Add("cohort", product is null ? "must name a cohort of this organization." : "must name a cohort of the product.");
            }
        }

        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var scope = new FleetScope(productId, cohortId);
        return TypedResults.Ok(new FleetSummaryResponse(
            productId,
            cohortId,
            now,
            await FleetDeviceCounts.LoadAsync(db, scope, now, cancellationToken),
            await FleetCohortDistribution.LoadAsync(db, scope, cancellationToken),
            await FleetReleaseOutcomes.LoadAsync(db, scope, cancellationToken),
            await FleetAdoption.LoadAsync(db, scope, now, window, cancellationToken)));
    }
}
