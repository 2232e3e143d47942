using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.DeviceHealth;

namespace Hangar.Cli.Commands;

internal sealed class HealthRulesUpdateCommand : Command
{
    private readonly Argument<string> _rule = HealthRuleOptions.Rule();
    private readonly Option<string> _product = HealthRuleOptions.Product();
    private readonly Option<string?> _name = new("--name") { Description = "New name (1 to 128 characters).", HelpName = "name" };
    private readonly Option<string?> _metric = HealthRuleOptions.Metric();
    private readonly Option<string?> _aggregation = HealthRuleOptions.Aggregation();
    private readonly Option<string?> _operator = HealthRuleOptions.Operator();
    private readonly Option<double?> _threshold = HealthRuleOptions.Threshold();
    private readonly Option<string?> _window = HealthRuleOptions.Window();
    private readonly Option<string?> _severity = HealthRuleOptions.Severity();
    private readonly Option<bool?> _enabled = new("--enabled")
    {
        Description = "true or false; disabling a rule clears its failures (devices failing nothing else become healthy).",
        HelpName = "true|false",
    };

    public HealthRulesUpdateCommand(CliContext cli)
        : base("update", "Change a health rule; options left out stay as they are (the kind is fixed).")
    {
        Add(_rule);
        foreach (var option in new Option[] { _product, _name, _metric, _aggregation, _operator, _threshold, _window, _severity, _enabled })
        {
            Add(option);
        }

        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new UpdateHealthRuleRequest(
                parseResult.GetValue(_name), parseResult.GetValue(_metric), HealthRuleOptions.Seconds(parseResult.GetValue(_window)), parseResult.GetValue(_aggregation),
                parseResult.GetValue(_operator), parseResult.GetValue(_threshold), parseResult.GetValue(_severity), parseResult.GetValue(_enabled));
            var rule = await session.Client.HealthRules.UpdateAsync(parseResult.GetRequiredValue(_product), parseResult.GetRequiredValue(_rule), request, ct);
            session.Output.Item(rule, HealthViews.Rule);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
