using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class HealthRulesListCommand : Command
{
    private readonly Option<string> _product = HealthRuleOptions.Product();

    public HealthRulesListCommand(CliContext cli)
        : base("list", "List a product's health rules with their conditions.")
    {
        Add(_product);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var rules = await session.Client.HealthRules.ListAsync(parseResult.GetRequiredValue(_product), ct);
            session.Output.Rows(rules.Data, HealthViews.Rule);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
