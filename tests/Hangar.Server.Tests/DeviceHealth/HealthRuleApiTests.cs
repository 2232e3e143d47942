using System.Net;
using Hangar.Client;
using Hangar.Contracts.Common;
using Hangar.Contracts.DeviceHealth;
using Hangar.Contracts.Devices;
using Hangar.Core.Access;
using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.DeviceHealth;

/// <summary>Health rules through the Admin API: the lifecycle with audit and events, each validation code, the limit, and roles.</summary>
public abstract class HealthRuleApiTests(HealthServer fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static CreateHealthRuleRequest DiskFull(string name = "disk full") =>
        new(name, "threshold", "heartbeat.disk_used_percent{mount=\"/data\"}", 600, Aggregation: "min", Operator: ">", Threshold: 90, Severity: "critical");

    [Fact]
    public async Task Rule_CreateGetListUpdateDelete_IsAuditedAndAnnounced()
    {
        var tenant = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("gateway"), cancellationToken: Cancel);

        var created = await tenant.Owner.HealthRules.CreateAsync(product.Name, DiskFull(), cancellationToken: Cancel);
        var silent = await tenant.Owner.HealthRules.CreateAsync(product.Id.ToString(), new CreateHealthRuleRequest("silent", "absence", "heartbeat", 7200), cancellationToken: Cancel);

        Assert.Equal("heartbeat.disk_used_percent{mount=\"/data\"}", created.Metric);
        Assert.Equal(("min", ">", 90.0, "critical", true), (created.Aggregation, created.Operator, created.Threshold!.Value, created.Severity, created.Enabled));
        Assert.Equal(("absence", "warning", (string?)null), (silent.Kind, silent.Severity, silent.Operator));
        // Read back by name and by HRN; times are compared apart (PostgreSQL keeps microseconds, the answer had ticks).
        var byName = await tenant.Owner.HealthRules.GetAsync(product.Hrn, "disk full", Cancel);
        var byHrn = await tenant.Owner.HealthRules.GetAsync(product.Name, created.Hrn, Cancel);
        Assert.Equal(created, byName with { CreatedAt = created.CreatedAt, UpdatedAt = created.UpdatedAt });
        Assert.Equal(byName, byHrn);
        Assert.Equal(created.CreatedAt, byName.CreatedAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal(["disk full", "silent"], (await tenant.Owner.HealthRules.ListAsync(product.Name, Cancel)).Data.Select(r => r.Name));

        var updated = await tenant.Owner.HealthRules.UpdateAsync(product.Name, created.Id.ToString(), new UpdateHealthRuleRequest(Threshold: 95, WindowSeconds: 900), Cancel);
        Assert.Equal((95.0, 900, "min"), (updated.Threshold!.Value, updated.WindowSeconds, updated.Aggregation));

        await tenant.Owner.HealthRules.DeleteAsync(product.Name, created.Id.ToString(), Cancel);
        var gone = await Api.ThrowsApiAsync(() => tenant.Owner.HealthRules.GetAsync(product.Name, created.Id.ToString(), Cancel));
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);

        var actions = (await tenant.Owner.Audit.ListAsync(new ListOptions(Search: $"resource_id:'{created.Id}'"), Cancel)).Data.Select(a => a.Action).Order();
        Assert.Equal(["health_rule.create", "health_rule.delete", "health_rule.update"], actions);
        var events = (await tenant.Owner.Events.ListAsync(new ListOptions(Search: $"resource_id:'{created.Id}'"), Cancel)).Data.Select(e => e.Type).Order();
        Assert.Equal(["health_rule.created", "health_rule.deleted", "health_rule.updated"], events);
    }

    [Theory]
    [InlineData("heartbeat.Disk", 600, ErrorCodes.HealthRuleInvalidMetric, "metric")]
    [InlineData("heartbeat.disk_used_percent{mount=/data}", 600, ErrorCodes.HealthRuleInvalidMetric, "metric")]
    [InlineData("heartbeat.disk_used_percent{mount=\"/data\"", 600, ErrorCodes.HealthRuleInvalidMetric, "metric")]
    [InlineData("heartbeat", 600, ErrorCodes.HealthRuleInvalidMetric, "metric")]
    [InlineData("heartbeat.load1", 30, ErrorCodes.HealthRuleInvalidWindow, "window_seconds")]
    [InlineData("heartbeat.load1", 90, ErrorCodes.HealthRuleInvalidWindow, "window_seconds")]
    [InlineData("heartbeat.load1", 90_000, ErrorCodes.HealthRuleInvalidWindow, "window_seconds")]
    [InlineData("heartbeat.load1", 7 * 3600 + 60, ErrorCodes.HealthRuleInvalidWindow, "window_seconds")]
    public async Task Create_WithABadMetricOrWindow_IsRefusedWithItsCode(string metric, int window, string code, string field)
    {
        var tenant = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("gateway"), cancellationToken: Cancel);

        var refused = await Api.ThrowsApiAsync(() => tenant.Owner.HealthRules.CreateAsync(product.Name, DiskFull() with { Metric = metric, WindowSeconds = window }, cancellationToken: Cancel));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(code, refused.Code);
        Assert.Contains(field, refused.Problem!.Errors!.Keys);
        Assert.Empty((await tenant.Owner.HealthRules.ListAsync(product.Name, Cancel)).Data);
    }

    [Fact]
    public async Task Create_ThresholdWithoutItsParts_OrAbsenceWithThem_IsValidationFailed()
    {
        var tenant = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("gateway"), cancellationToken: Cancel);

        var threshold = await Api.ThrowsApiAsync(() => tenant.Owner.HealthRules.CreateAsync(product.Name,
            new CreateHealthRuleRequest("hot", "threshold", "heartbeat.load1", 600, Aggregation: "median", Operator: "=="), cancellationToken: Cancel));
        var absence = await Api.ThrowsApiAsync(() => tenant.Owner.HealthRules.CreateAsync(product.Name,
            new CreateHealthRuleRequest("quiet", "absence", "heartbeat", 600, Operator: ">", Threshold: 1, Severity: "fatal"), cancellationToken: Cancel));

        Assert.Equal(ErrorCodes.ValidationFailed, threshold.Code);
        Assert.Equal(["aggregation", "operator", "threshold"], threshold.Problem!.Errors!.Keys.Order());
        Assert.Equal(ErrorCodes.ValidationFailed, absence.Code);
        Assert.Equal(["operator", "severity", "threshold"], absence.Problem!.Errors!.Keys.Order());
    }

    [Fact]
    public async Task Create_PastTheLimitPerProduct_IsHealthRuleLimit_AndNamesAreUniquePerProduct()
    {
        var tenant = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("gateway"), cancellationToken: Cancel);
        var other = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("sensor"), cancellationToken: Cancel);
        for (var i = 0; i < 3; i++)
        {
            await tenant.Owner.HealthRules.CreateAsync(product.Name, DiskFull($"rule {i}"), cancellationToken: Cancel);
        }

        var limit = await Api.ThrowsApiAsync(() => tenant.Owner.HealthRules.CreateAsync(product.Name, DiskFull("rule 3"), cancellationToken: Cancel));
        await tenant.Owner.HealthRules.CreateAsync(other.Name, DiskFull("rule 0"), cancellationToken: Cancel);
        var taken = await Api.ThrowsApiAsync(() => tenant.Owner.HealthRules.CreateAsync(other.Name, DiskFull("rule 0"), cancellationToken: Cancel));

        Assert.Equal((HttpStatusCode.Conflict, ErrorCodes.HealthRuleLimit), (limit.Status, limit.Code));
        Assert.Equal((HttpStatusCode.Conflict, ErrorCodes.AlreadyExists), (taken.Status, taken.Code));
        Assert.Single((await tenant.Owner.HealthRules.ListAsync(other.Name, Cancel)).Data);
    }

    [Fact]
    public async Task Viewer_ReadsRules_ButChangingThem_Is403AndAudited()
    {
        var tenant = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("gateway"), cancellationToken: Cancel);
        var rule = await tenant.Owner.HealthRules.CreateAsync(product.Name, DiskFull(), cancellationToken: Cancel);
        var viewer = await tenant.ClientAsync(Role.Viewer);

        Assert.Single((await viewer.HealthRules.ListAsync(product.Name, Cancel)).Data);
        var create = await Api.ThrowsApiAsync(() => viewer.HealthRules.CreateAsync(product.Name, DiskFull("mine"), cancellationToken: Cancel));
        var delete = await Api.ThrowsApiAsync(() => viewer.HealthRules.DeleteAsync(product.Name, rule.Id.ToString(), Cancel));

        Assert.Equal(HttpStatusCode.Forbidden, create.Status);
        Assert.Equal(HttpStatusCode.Forbidden, delete.Status);
        var denied = (await tenant.Owner.Audit.ListAsync(new ListOptions(Search: "outcome:'denied'"), Cancel)).Data;
        Assert.Equal(["health_rule.create", "health_rule.delete"], denied.Select(a => a.Action).Order());
        Assert.Single((await tenant.Owner.HealthRules.ListAsync(product.Name, Cancel)).Data);
    }

    [Fact]
    public async Task OtherOrganization_SeesNeitherTheProductNorItsRules()
    {
        var tenant = await fixture.NewTenantAsync();
        var stranger = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("gateway"), cancellationToken: Cancel);
        var rule = await tenant.Owner.HealthRules.CreateAsync(product.Name, DiskFull(), cancellationToken: Cancel);

        var list = await Api.ThrowsApiAsync(() => stranger.Owner.HealthRules.ListAsync(product.Id.ToString(), Cancel));
        var get = await Api.ThrowsApiAsync(() => stranger.Owner.HealthRules.GetAsync(product.Id.ToString(), rule.Id.ToString(), Cancel));

        Assert.Equal(HttpStatusCode.NotFound, list.Status);
        Assert.Equal(HttpStatusCode.NotFound, get.Status);
    }

    public sealed class OnSqlite(HealthSqliteServer fixture) : HealthRuleApiTests(fixture), IClassFixture<HealthSqliteServer>;

    public sealed class OnPostgres(HealthPostgresServer fixture) : HealthRuleApiTests(fixture), IClassFixture<HealthPostgresServer>;
}
