using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class HealthRulesGetCommand : Command
{
    private readonly Argument<string> _rule = HealthRuleOptions.Rule();
    private readonly Option<string> _product = HealthRuleOptions.Product();

    public HealthRulesGetCommand(CliContext cli)
        : base("get", "Show one health rule.")
    {
        Add(_rule);
        Add(_product);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var rule = await session.Client.HealthRules.GetAsync(parseResult.GetRequiredValue(_product), parseResult.GetRequiredValue(_rule), ct);
            session.Output.Item(rule, HealthViews.Rule);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
