using System.CommandLine;

namespace Hangar.Cli.Commands;

internal sealed class HealthRulesDeleteCommand : Command
{
    private readonly Argument<string> _rule = HealthRuleOptions.Rule();
    private readonly Option<string> _product = HealthRuleOptions.Product();

    public HealthRulesDeleteCommand(CliContext cli)
        : base("delete", "Delete a health rule. Devices failing only this rule become healthy (device.healthy).")
    {
        Add(_rule);
        Add(_product);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var rule = parseResult.GetRequiredValue(_rule);
            await session.Client.HealthRules.DeleteAsync(parseResult.GetRequiredValue(_product), rule, ct);
            session.Output.Note($"Deleted health rule {rule}.");
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
