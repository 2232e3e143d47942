using Hangar.Contracts.Common;
using Hangar.Contracts.DeviceHealth;
using Hangar.Core.Access;
using Hangar.Core.Events;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.DeviceHealth;
using Hangar.Data.Devices;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Devices;
using Hangar.Server.Features.Events;
using Hangar.Server.Features.Idempotency;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Database;
using Hangar.Server.Hosting.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.DeviceHealth;

/// <summary>A product's health rules: product configuration, so reading needs product read and changing product manage.</summary>
internal static class HealthRuleEndpoints
{
    public static void MapHealthRules(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/products/{product}/health_rules").WithTags("Health rules");
        group.MapGet("", ListAsync).Requires(Permission.ProductRead).WithSummary("List a product's health rules");
        group.MapGet("/{id}", GetAsync).Requires(Permission.ProductRead).WithSummary("Get a health rule")
            .WithDescription("The rule by id, HRN or name.");
        group.MapPost("", CreateAsync).Requires(Permission.ProductManage).Audited("health_rule.create").Idempotent()
            .WithSummary("Create a health rule")
            .WithDescription("threshold: aggregation of metric over window_seconds compared with threshold; absence: no heartbeat (metric heartbeat) or no point of a metric for window_seconds.");
        group.MapPatch("/{id}", UpdateAsync).Requires(Permission.ProductManage).Audited("health_rule.update")
            .WithSummary("Change a health rule").WithDescription("Only the fields given change. Disabling a rule clears its failures.");
        group.MapDelete("/{id}", DeleteAsync).Requires(Permission.ProductManage).Audited("health_rule.delete")
            .WithSummary("Delete a health rule").WithDescription("Its failures go with it; a device failing nothing else is healthy again (device.healthy).");
    }

    private static async Task<Results<Ok<ListResponse<HealthRuleResponse>>, ProblemHttpResult>> ListAsync(
        string product, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var owner = await FleetReferences.ProductAsync(db, product, http.RequireCaller().OrganizationId, cancellationToken);
        if (owner is null)
        {
            return Problems.NotFound("Product");
        }

        // A product has at most DeviceHealth:MaxRulesPerProduct rules: one page holds them all.
        var rules = await db.HealthRules.AsNoTracking().Where(r => r.ProductId == owner.Id).OrderBy(r => r.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ListResponse<HealthRuleResponse>([.. rules.Select(r => r.ToResponse())], null));
    }

    private static async Task<Results<Ok<HealthRuleResponse>, ProblemHttpResult>> GetAsync(
        string product, string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var (owner, rule) = await FindAsync(product, id, http, db, cancellationToken);
        return owner is null ? Problems.NotFound("Product") : rule is null ? Problems.NotFound("Health rule") : TypedResults.Ok(rule.ToResponse());
    }

    private static async Task<Results<Created<HealthRuleResponse>, ProblemHttpResult>> CreateAsync(
        string product, CreateHealthRuleRequest request, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events,
        IOptions<DeviceHealthOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = http.RequireCaller();
        var owner = await FleetReferences.ProductAsync(db, product, caller.OrganizationId, cancellationToken);
        if (owner is null)
        {
            return Problems.NotFound("Product");
        }

        var draft = new HealthRuleDraft(request.Name, request.Kind, request.Metric, request.WindowSeconds, request.Aggregation, request.Operator,
            request.Threshold, request.Severity ?? "warning", request.Enabled ?? true);
        if (HealthRuleValidation.Check(draft, out var selector) is { } problem)
        {
            return problem;
        }

        var limit = options.Value.MaxRulesPerProduct;
        if (await db.HealthRules.CountAsync(r => r.ProductId == owner.Id, cancellationToken) >= limit)
        {
            return Problems.Conflict(ErrorCodes.HealthRuleLimit, $"Product '{owner.Name}' already has {limit} health rules, the most a product may have (DeviceHealth:MaxRulesPerProduct).");
        }

        var name = draft.Name!.Trim();
        if (await db.HealthRules.AnyAsync(r => r.ProductId == owner.Id && r.Name == name, cancellationToken))
        {
            return NameTaken(name);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var rule = new HealthRule
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = caller.OrganizationId,
            ProductId = owner.Id,
            Name = name,
            Kind = draft.Kind!,
            Metric = "",
            Labels = "",
            WindowSeconds = draft.WindowSeconds,
            Severity = draft.Severity,
            Enabled = draft.Enabled,
            CreatedAt = now,
            UpdatedAt = now,
        };
        rule.Apply(draft, selector!);
        db.HealthRules.Add(rule);
        audit.Resource(ResourceTypes.HealthRule, rule.Id);
        events.Record(EventTypes.HealthRuleCreated, ResourceTypes.HealthRule, rule.Id, rule.EventData());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return NameTaken(name);
        }

        return TypedResults.Created($"/api/v1/products/{owner.Id}/health_rules/{rule.Id}", rule.ToResponse());
    }

    private static async Task<Results<Ok<HealthRuleResponse>, ProblemHttpResult>> UpdateAsync(
        string product, string id, UpdateHealthRuleRequest request, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var (owner, rule) = await FindAsync(product, id, http, db, cancellationToken);
        if (owner is null || rule is null)
        {
            return Problems.NotFound(owner is null ? "Product" : "Health rule");
        }

        audit.Resource(ResourceTypes.HealthRule, rule.Id);
        var draft = new HealthRuleDraft(request.Name ?? rule.Name, rule.Kind, request.Metric ?? rule.Selector().ToString(), request.WindowSeconds ?? rule.WindowSeconds,
            request.Aggregation ?? rule.Aggregation, request.Operator ?? rule.Operator, request.Threshold ?? rule.Threshold, request.Severity ?? rule.Severity, request.Enabled ?? rule.Enabled);
        if (HealthRuleValidation.Check(draft, out var selector) is { } problem)
        {
            return problem;
        }

        var name = draft.Name!.Trim();
        if (name != rule.Name && await db.HealthRules.AnyAsync(r => r.ProductId == owner.Id && r.Name == name, cancellationToken))
        {
            return NameTaken(name);
        }

        var disabling = rule.Enabled && !draft.Enabled;
        rule.Apply(draft, selector!);
        rule.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (disabling)
        {
            await HealthRuleClearing.ClearAsync(db, events, rule, cancellationToken);
            await HealthRuleClearing.ForgetUnlessRulesAsync(db, owner.Id, rule.Id, cancellationToken);
        }

        events.Record(EventTypes.HealthRuleUpdated, ResourceTypes.HealthRule, rule.Id, rule.EventData());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return NameTaken(name);
        }

        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(rule.ToResponse());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string product, string id, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events, CancellationToken cancellationToken)
    {
        var (owner, rule) = await FindAsync(product, id, http, db, cancellationToken);
        if (owner is null || rule is null)
        {
            return Problems.NotFound(owner is null ? "Product" : "Health rule");
        }

        audit.Resource(ResourceTypes.HealthRule, rule.Id);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await HealthRuleClearing.ClearAsync(db, events, rule, cancellationToken);
        await HealthRuleClearing.ForgetUnlessRulesAsync(db, owner.Id, rule.Id, cancellationToken);
        db.HealthRules.Remove(rule);
        events.Record(EventTypes.HealthRuleDeleted, ResourceTypes.HealthRule, rule.Id, rule.EventData());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NameTaken(string name) =>
        Problems.Conflict(ErrorCodes.AlreadyExists, $"The product already has a health rule named '{name}'.");

    /// <summary>The product by reference, then its rule by id, HRN or name.</summary>
    private static async Task<(Product? Product, HealthRule? Rule)> FindAsync(
        string product, string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var owner = await FleetReferences.ProductAsync(db, product, http.RequireCaller().OrganizationId, cancellationToken);
        if (owner is null)
        {
            return (null, null);
        }

        var rules = db.HealthRules.Where(r => r.ProductId == owner.Id);
        if (ResourceName.TryParse(id, out var hrn))
        {
            id = hrn.Type == ResourceTypes.HealthRule && hrn.OrganizationId == owner.OrganizationId ? hrn.Id.ToString() : "";
        }

        var rule = Guid.TryParse(id, out var ruleId)
            ? await rules.FirstOrDefaultAsync(r => r.Id == ruleId, cancellationToken)
            : await rules.FirstOrDefaultAsync(r => r.Name == id, cancellationToken);
        return (owner, rule);
    }
}
