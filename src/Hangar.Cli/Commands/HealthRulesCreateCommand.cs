using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.DeviceHealth;

namespace Hangar.Cli.Commands;

internal sealed class HealthRulesCreateCommand : Command
{
    private readonly Option<string> _product = HealthRuleOptions.Product();

    private readonly Option<string> _name = new("--name")
    {
        Description = "Name of the rule, unique within its product (1 to 128 characters).",
        HelpName = "name",
        Required = true,
    };

    private readonly Option<string> _kind = new("--kind")
    {
        Description = "threshold (an aggregate of the metric crosses --threshold) or absence (no heartbeat, or no point of the metric, for --window).",
        HelpName = "threshold|absence",
        DefaultValueFactory = _ => "threshold",
    };

    private readonly Option<string?> _metric = HealthRuleOptions.Metric();
    private readonly Option<string?> _aggregation = HealthRuleOptions.Aggregation();
    private readonly Option<string?> _operator = HealthRuleOptions.Operator();
    private readonly Option<double?> _threshold = HealthRuleOptions.Threshold();
    private readonly Option<string?> _window = HealthRuleOptions.Window();
    private readonly Option<string?> _severity = HealthRuleOptions.Severity();
    private readonly Option<bool> _disabled = new("--disabled") { Description = "Create the rule disabled (not evaluated)." };
    private readonly Option<string?> _idempotencyKey = IdempotencyKeyOption.Create();

    public HealthRulesCreateCommand(CliContext cli)
        : base("create", "Create a health rule: when its product's devices count as unhealthy. E.g. --metric heartbeat.disk_used_percent --aggregation min --operator '>' --threshold 90 --window 10m.")
    {
        _metric.Required = true;
        _window.Required = true;
        foreach (var option in new Option[] { _product, _name, _kind, _metric, _aggregation, _operator, _threshold, _window, _severity, _disabled, _idempotencyKey })
        {
            Add(option);
        }

        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new CreateHealthRuleRequest(
                parseResult.GetRequiredValue(_name), parseResult.GetValue(_kind)!, parseResult.GetValue(_metric)!,
                HealthRuleOptions.Seconds(parseResult.GetValue(_window)) ?? 0, parseResult.GetValue(_aggregation), parseResult.GetValue(_operator),
                parseResult.GetValue(_threshold), parseResult.GetValue(_severity), parseResult.GetValue(_disabled) ? false : null);
            var created = await session.Client.HealthRules.CreateAsync(
                parseResult.GetRequiredValue(_product), request, IdempotencyKeyOption.Read(parseResult, _idempotencyKey, cli.Time), ct);
            session.Output.Item(created, HealthViews.Rule);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
